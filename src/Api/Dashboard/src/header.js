// The header: county and scope names, the grid clock, the connection state and the operator links.
import { dateTime, el } from './format.js';

const STATUS = {
  connecting: '连接中 Connecting',
  connected: '已连接 Connected',
  reconnecting: '重连中 Reconnecting',
  disconnected: '未连接 Disconnected',
};

export function createHeader(claims) {
  const $ = (id) => document.getElementById(id);
  $('who').textContent = claims ? `${claims.role}${claims.role === 'city' ? '' : ` · ${claims.scope}`}` : '';

  // Scalar is mapped in Development only; the link appears when the page answers (it takes no HEAD).
  fetch('/scalar/').then((r) => { $('scalar-link').hidden = !r.ok; }, () => {});

  return {
    county(name, nameEn) {
      $('county').replaceChildren(name, el('span', { class: 'en' }, nameEn ?? ''));
      document.title = `${name} 网格化治理 · GridActors`;
    },
    scope(label) {
      $('scope-name').textContent = label;
    },
    asOf(iso) {
      const node = $('as-of');
      node.textContent = dateTime(iso);
      node.setAttribute('datetime', iso ?? '');
    },
    /** The clock and the connection state mean something only once the dashboard runs. */
    live() {
      $('as-of').parentElement.hidden = false;
      $('status').hidden = false;
    },
    status(state) {
      const node = $('status');
      node.dataset.status = state;
      node.textContent = STATUS[state] ?? state;
    },
    error(message) {
      const banner = $('banner');
      banner.hidden = !message;
      banner.textContent = message ?? '';
    },
  };
}
