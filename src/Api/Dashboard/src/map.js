// The county as SVG: one block per township at its geographic bounds, one rect per grid, coloured by load.
// Built once from the topology; scope changes only fade and zoom, load changes only touch attributes.
import { placeOf, within } from './topology.js';

const SVG = 'http://www.w3.org/2000/svg';
const UNITS_PER_DEGREE = 1000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** Amber by open count, red as soon as one case is overdue; the legend in index.html uses the same steps. */
export function loadClass(open, overdue) {
  if (overdue > 0) return 'load-overdue';
  if (open <= 0) return 'load-0';
  if (open <= 2) return 'load-1';
  if (open <= 5) return 'load-2';
  if (open <= 10) return 'load-3';
  return 'load-4';
}

export function createMap(container, index, { onPick }) {
  const townships = index.topology.townships;
  const north = Math.max(...townships.map((t) => t.bounds.north));
  const south = Math.min(...townships.map((t) => t.bounds.south));
  const west = Math.min(...townships.map((t) => t.bounds.west));
  const east = Math.max(...townships.map((t) => t.bounds.east));
  // Equirectangular at the county's latitude: good enough for 40 km, and keeps grids rectangular.
  const shrink = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const x = (lng) => (lng - west) * shrink * UNITS_PER_DEGREE;
  const y = (lat) => (north - lat) * UNITS_PER_DEGREE;
  const box = (b) => ({ x: x(b.west), y: y(b.north), width: x(b.east) - x(b.west), height: y(b.south) - y(b.north) });
  const boundsOf = (points) => ({
    south: Math.min(...points.map((p) => p.lat)),
    north: Math.max(...points.map((p) => p.lat)),
    west: Math.min(...points.map((p) => p.lng)),
    east: Math.max(...points.map((p) => p.lng)),
  });

  const root = svg('svg', { class: 'county-map', role: 'img', 'aria-label': '网格负荷地图 Grid load map' });
  const blocks = svg('g', { class: 'townships' });
  const labels = svg('g', { class: 'labels' });
  root.append(blocks, labels);

  const grids = new Map();
  const townshipNodes = new Map();
  for (const township of townships) {
    const group = svg('g', { class: 'township', 'data-township': township.id });
    const block = svg('rect', { class: 'township-block', ...box(township.bounds) });
    block.addEventListener('click', () => onPick(township.id));
    group.append(block);
    for (const village of township.villages) {
      for (const grid of village.grids) {
        const b = box(boundsOf(grid.polygon));
        const rect = svg('rect', { ...b, class: 'grid load-0', 'data-grid': grid.id, 'data-open': '0', 'data-overdue': '0' });
        const title = svg('title');
        rect.append(title);
        rect.addEventListener('click', () => onPick(grid.id));
        group.append(rect);
        grids.set(grid.id, { rect, title, grid, village, township, open: 0, overdue: 0 });
      }
    }
    const b = box(township.bounds);
    const label = svg('text', { class: 'township-label', x: b.x + b.width / 2, y: b.y + b.height / 2 });
    const name = svg('tspan', { class: 'name', x: b.x + b.width / 2, dy: '-0.2em' });
    name.textContent = township.name;
    const nameEn = svg('tspan', { class: 'name-en', x: b.x + b.width / 2, dy: '1.25em' });
    nameEn.textContent = township.nameEn;
    label.append(name, nameEn);
    labels.append(label);
    blocks.append(group);
    townshipNodes.set(township.id, { group, label });
  }
  container.replaceChildren(root);

  let scope = 'city';
  const describe = (entry) => {
    const inside = within(index, entry.grid.id, scope);
    entry.title.textContent = `${entry.grid.name}（${entry.village.name}）\n` +
      (inside ? `在办 Open ${entry.open} · 超期 Overdue ${entry.overdue}` : '不在当前范围 Outside the scope');
  };
  const paint = (entry) => {
    entry.rect.setAttribute('data-open', String(entry.open));
    entry.rect.setAttribute('data-overdue', String(entry.overdue));
    const extra = (within(index, entry.grid.id, scope) ? '' : ' outside') + (entry.grid.id === scope ? ' selected' : '');
    entry.rect.setAttribute('class', `grid ${loadClass(entry.open, entry.overdue)}${extra}`);
    describe(entry);
  };

  const full = { south, west, north, east };
  const zoomTo = (bounds) => {
    const b = box(bounds);
    const pad = Math.max(b.width, b.height) * 0.04;
    root.setAttribute('viewBox', `${b.x - pad} ${b.y - pad} ${b.width + 2 * pad} ${b.height + 2 * pad}`);
    // Labels are sized in map units, so they are rescaled with the zoom to read the same on screen.
    root.style.setProperty('--label-size', `${Math.max(b.width, b.height) * 0.035}px`);
  };

  return {
    /** Fades what lies outside `next` and zooms to it: a township to its bounds, a village or grid to its village. */
    setScope(next) {
      scope = next;
      const place = placeOf(index, next);
      if (!place || place.level === 'city') zoomTo(full);
      else if (place.level === 'township') zoomTo(place.township.bounds);
      else {
        const village = index.places.get(place.level === 'village' ? place.id : place.villageId).village;
        zoomTo(boundsOf(village.grids.flatMap((g) => g.polygon)));
      }
      for (const [id, { group, label }] of townshipNodes) {
        const inside = within(index, id, next) || within(index, next, id);
        group.classList.toggle('outside', !inside);
        label.classList.toggle('outside', !inside);
      }
      for (const entry of grids.values()) {
        entry.open = 0;
        entry.overdue = 0;
        paint(entry);
      }
    },
    /** Applies GridLoad entries `{ id, open, overdue }` (a snapshot's full list or a `grid` message's changes). */
    update(loads) {
      for (const load of loads ?? []) {
        const entry = grids.get(load.id);
        if (!entry) continue;
        entry.open = load.open ?? 0;
        entry.overdue = load.overdue ?? 0;
        paint(entry);
      }
    },
    /** Township emergency marks from a `mode` message's `modes.townships`. */
    markEmergencies(townshipModes) {
      for (const [id, { group }] of townshipNodes) group.classList.toggle('emergency', townshipModes?.[id] === 'emergency');
    },
  };
}
