// Lookups over GET /api/topology, built once: every place by id with its level and parents.

export function indexTopology(topology) {
  const places = new Map();
  const city = { id: topology.city.id, level: 'city', name: topology.city.name, nameEn: topology.city.nameEn };
  places.set(city.id, city);
  for (const township of topology.townships) {
    places.set(township.id, { id: township.id, level: 'township', name: township.name, nameEn: township.nameEn, township });
    for (const village of township.villages) {
      places.set(village.id, { id: village.id, level: 'village', name: village.name, townshipId: township.id, village });
      for (const grid of village.grids) {
        places.set(grid.id, { id: grid.id, level: 'grid', name: grid.name, townshipId: township.id, villageId: village.id, grid });
      }
    }
  }
  const categories = new Map((topology.categories ?? []).map((c) => [c.id, c]));
  return { topology, city, places, categories };
}

/** The hub names the whole county `city`; the city's own id means the same. */
export function placeOf(index, scope) {
  return scope === 'city' ? index.city : index.places.get(scope) ?? null;
}

/** Whether `scope` (a place id or `city`) lies at or below `ancestor`. */
export function within(index, scope, ancestor) {
  const place = placeOf(index, scope);
  const top = placeOf(index, ancestor);
  if (!place || !top) return false;
  if (top.level === 'city') return true;
  return place.id === top.id || place.townshipId === top.id || place.villageId === top.id;
}

/** True when two scope names mean the same place: `city` and the city id are one scope. */
export function sameScope(index, a, b) {
  const strip = (s) => (typeof s === 'string' ? s.replace(/^(city|township|village|grid):/, '') : s);
  const pa = placeOf(index, strip(a));
  const pb = placeOf(index, strip(b));
  return pa !== null && pa === pb;
}

export const categoryName = (index, id) => index.categories.get(id)?.name ?? id;
export const placeName = (index, id) => index.places.get(id)?.name ?? id;
