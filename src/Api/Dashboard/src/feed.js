// 实时动态: the newest case changes first, one row per case (a case that changes again moves to the top),
// at most 50 rows. A message may repeat or reorder versions, so an older version never replaces a newer.
import { clock, el, statusName, PRIORITY_NAMES } from './format.js';
import { categoryName, placeName } from './topology.js';

const MAX_ROWS = 50;

export function createFeed(list, moreBadge, index) {
  let rows = [];
  // Rows are rebuilt only when their case changed, so that only new lines flash as they arrive.
  let nodes = new Map();

  const row = (c) => el('li', { class: `feed-row status-${c.status}`, 'data-case': c.id, 'data-status': c.status },
    el('time', { datetime: c.closedAt ?? c.reportedAt, title: c.closedAt ? '办结时间 Closed at' : '上报时间 Reported at' },
      clock(c.closedAt ?? c.reportedAt)),
    el('span', { class: 'feed-grid', title: `${placeName(index, c.villageId)} · ${placeName(index, c.townshipId)}` }, placeName(index, c.gridId)),
    el('span', { class: 'feed-category' }, categoryName(index, c.category)),
    el('span', { class: 'feed-title', title: c.title }, c.title),
    el('span', { class: 'feed-badges' },
      c.priority && c.priority !== 'normal' ? el('span', { class: `badge priority-${c.priority}` }, PRIORITY_NAMES[c.priority] ?? c.priority) : null,
      c.overdue ? el('span', { class: 'badge overdue' }, '超期 Overdue') : null,
      c.escalationLevel > 0 ? el('span', { class: 'badge escalated', title: 'Escalation level' }, `升级 L${c.escalationLevel}`) : null,
      el('span', { class: `badge status status-${c.status}` }, statusName(c.status))));

  // Re-inserting a node restarts its CSS animation, so the flash is a class that a new row drops once played.
  const fresh = (node) => {
    node.classList.add('fresh');
    node.addEventListener('animationend', () => node.classList.remove('fresh'), { once: true });
    return node;
  };

  const render = () => {
    const next = new Map(rows.map((c) => {
      const key = `${c.id}:${c.version}`;
      return [key, nodes.get(key) ?? fresh(row(c))];
    }));
    nodes = next;
    list.replaceChildren(...(rows.length ? next.values() : [el('li', { class: 'empty' }, '暂无动态 No activity yet')]));
  };

  const merge = (cases) => {
    // The message lists the newest first; walking it backwards leaves the newest on top.
    for (const c of [...cases].reverse()) {
      const existing = rows.find((r) => r.id === c.id);
      if (existing && existing.version >= c.version) continue;
      rows = [c, ...rows.filter((r) => r.id !== c.id)];
    }
    rows = rows.slice(0, MAX_ROWS);
  };

  const showMore = (more) => {
    moreBadge.hidden = !(more > 0);
    moreBadge.textContent = more > 0 ? `+${more.toLocaleString('en-US')} more` : '';
    moreBadge.title = '上一轮另有变更的案件 Other cases changed in the last round';
  };

  return {
    reset(cases) {
      rows = [];
      merge(cases ?? []);
      showMore(0);
      render();
    },
    apply(cases, more) {
      merge(cases ?? []);
      showMore(more);
      render();
    },
  };
}
