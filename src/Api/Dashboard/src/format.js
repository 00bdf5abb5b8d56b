// Shared formatting. Times are shown on the county's clock (UTC+8, docs/LIVE.md), whatever the
// browser's own time zone, so an operator in another zone reads the same hours as the grid.

const COUNTY_OFFSET_MS = 8 * 3600 * 1000;

export const STATUS_NAMES = {
  reported: '已上报',
  accepted: '已受理',
  dispatched: '已派单',
  grabbing: '抢单中',
  in_progress: '处置中',
  resolved: '已处置',
  closed: '已办结',
  parked: '挂起',
  cancelled: '已取消',
};

export const PRIORITY_NAMES = { normal: '一般', urgent: '紧急', critical: '特急' };

const pad = (n) => String(n).padStart(2, '0');

function countyDate(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + COUNTY_OFFSET_MS);
}

/** "14:05" on the county clock. */
export function clock(iso) {
  const d = countyDate(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '—';
}

/** "2026-11-30 14:05:09" on the county clock. */
export function dateTime(iso) {
  const d = countyDate(iso);
  if (!d) return '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const count = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '—');

/** Rates travel as fractions (0.8125); tiles show percentages. */
export const percent = (r) => (typeof r === 'number' ? `${(r * 100).toFixed(1)}%` : '—');

export const statusName = (s) => STATUS_NAMES[s] ?? s;

/** Creates an element with attributes and children; strings become text nodes, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
