// 红黄黑榜: three columns of `{ id, name, score }`; the first boards of a scope may still be computing (null).
import { el } from './format.js';

const COLUMNS = [
  { key: 'red', label: '红榜', en: 'Red' },
  { key: 'yellow', label: '黄榜', en: 'Yellow' },
  { key: 'black', label: '黑榜', en: 'Black' },
];

export function createBoards(container) {
  const lists = new Map();
  container.replaceChildren(...COLUMNS.map((column) => {
    const list = el('ol', { class: 'board-list' });
    lists.set(column.key, list);
    return el('div', { class: `board board-${column.key}`, 'data-board': column.key },
      el('h3', {}, column.label, el('span', { class: 'en' }, column.en)), list);
  }));

  return {
    update(boards) {
      for (const [key, list] of lists) {
        const entries = boards?.[key];
        list.replaceChildren(...(entries?.length
          ? entries.map((e, i) => el('li', { 'data-id': e.id },
            el('span', { class: 'board-rank' }, i + 1),
            el('span', { class: 'board-name', title: e.id }, e.name ?? e.id),
            el('span', { class: 'board-score' }, typeof e.score === 'number' ? e.score.toFixed(1) : '—')))
          : [el('li', { class: 'empty' }, '—')]));
      }
    },
  };
}
