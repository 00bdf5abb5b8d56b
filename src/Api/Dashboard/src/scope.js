// The scope picker: cascading township → village → grid selects, limited to what the token covers.
// The hub checks the scope again; the picker only keeps people from asking for what they would be refused.
import { el } from './format.js';
import { placeOf, within } from './topology.js';

/** The scope a token opens on, or null for roles the dashboard does not serve (worker, citizen …). */
export function rootScope(index, claims) {
  if (claims?.role === 'city') return 'city';
  if ((claims?.role === 'township' || claims?.role === 'village') && index.places.has(claims.scope)) return claims.scope;
  return null;
}

export function createScopePicker(container, index, root, onChange) {
  const rootPlace = placeOf(index, root);
  const township = el('select', { 'aria-label': '镇街 Township' });
  const village = el('select', { 'aria-label': '村社区 Village' });
  const grid = el('select', { 'aria-label': '网格 Grid' });
  container.replaceChildren(
    el('label', {}, el('span', {}, '镇街 Township'), township),
    el('label', {}, el('span', {}, '村社区 Village'), village),
    el('label', {}, el('span', {}, '网格 Grid'), grid),
  );

  const fill = (select, allLabel, items) => {
    select.replaceChildren(
      ...(allLabel ? [el('option', { value: '' }, allLabel)] : []),
      ...items.map((item) => el('option', { value: item.id }, item.nameEn ? `${item.name} ${item.nameEn}` : item.name)),
    );
    select.disabled = items.length === 0 || (!allLabel && items.length === 1);
  };

  const townships = index.topology.townships.filter((t) => within(index, t.id, root) || within(index, root, t.id));
  fill(township, rootPlace.level === 'city' ? '全市 Whole county' : null, townships);

  const villagesOf = (townshipId) => {
    const t = index.places.get(townshipId)?.township;
    return t ? t.villages.filter((v) => within(index, v.id, root) || within(index, root, v.id)) : [];
  };
  const gridsOf = (villageId) => index.places.get(villageId)?.village.grids ?? [];

  const refill = () => {
    const villages = villagesOf(township.value);
    const keepVillage = village.value;
    fill(village, rootPlace.level === 'village' ? null : '全部村社区 All villages', villages);
    if (villages.some((v) => v.id === keepVillage)) village.value = keepVillage;
    const keepGrid = grid.value;
    fill(grid, '全部网格 All grids', gridsOf(village.value));
    if (gridsOf(village.value).some((g) => g.id === keepGrid)) grid.value = keepGrid;
  };

  const current = () => grid.value || village.value || township.value || 'city';

  /** Shows `scope` in the selects; returns false when the token does not cover it. */
  const show = (scope) => {
    const place = placeOf(index, scope);
    if (!place || !within(index, scope, root)) return false;
    township.value = place.level === 'township' ? place.id : place.townshipId ?? '';
    refill();
    village.value = place.level === 'village' ? place.id : place.villageId ?? village.value;
    refill();
    grid.value = place.level === 'grid' ? place.id : '';
    return true;
  };

  for (const select of [township, village, grid]) {
    select.addEventListener('change', () => {
      if (select === township) village.value = '';
      if (select !== grid) grid.value = '';
      refill();
      onChange(current());
    });
  }

  show(root);
  return {
    show,
    /** Picks a scope from outside the selects (a click on the map). */
    pick(scope) {
      if (show(scope)) onChange(current());
    },
  };
}
