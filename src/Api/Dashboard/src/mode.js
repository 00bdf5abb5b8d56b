// The scope's effective mode: a red banner in an emergency, a small green mark in routine.
import { placeOf } from './topology.js';

export function createModeBanner(element) {
  return {
    show(mode) {
      const emergency = mode === 'emergency';
      element.dataset.mode = mode ?? '';
      element.textContent = emergency ? '应急模式 Emergency mode' : mode === 'routine' ? '常态 Routine' : '';
      document.body.classList.toggle('emergency', emergency);
    },
  };
}

/** The effective mode of `scope` from a `mode` message's `modes`: emergency when the city or its township is. */
export function effectiveMode(index, scope, modes) {
  if (modes?.city === 'emergency') return 'emergency';
  const place = placeOf(index, scope);
  const townshipId = place?.level === 'township' ? place.id : place?.townshipId;
  if (townshipId && modes?.townships?.[townshipId] === 'emergency') return 'emergency';
  return modes?.city ?? 'routine';
}
