// The six tiles of the `kpi` message (docs/LIVE.md); each value element carries data-kpi = the field name.
import { count, el, percent } from './format.js';

const TILES = [
  { key: 'reportedToday', label: '今日上报', en: 'Reported today', format: count },
  { key: 'open', label: '在办', en: 'Open', format: count },
  { key: 'overdue', label: '超期', en: 'Overdue', format: count, alert: true },
  { key: 'closedToday', label: '今日办结', en: 'Closed today', format: count },
  { key: 'closureRate', label: '办结率', en: 'Closing rate', format: percent },
  { key: 'onTimeRate', label: '按时办结率', en: 'On-time rate', format: percent },
];

export function createKpis(container) {
  const values = new Map();
  container.replaceChildren(...TILES.map((tile) => {
    const value = el('div', { class: 'kpi-value', 'data-kpi': tile.key }, '—');
    values.set(tile.key, { value, tile });
    return el('div', { class: `kpi${tile.alert ? ' kpi-alert' : ''}` },
      el('div', { class: 'kpi-label' }, tile.label, el('span', { class: 'en' }, tile.en)),
      value);
  }));

  return {
    update(kpi) {
      for (const { value, tile } of values.values()) {
        const raw = kpi?.[tile.key];
        value.textContent = tile.format(raw);
        if (tile.alert) value.parentElement.classList.toggle('firing', typeof raw === 'number' && raw > 0);
      }
    },
  };
}
