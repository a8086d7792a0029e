import { readJson, writeJson } from './storage.js';

export type Direction = 'entry' | 'exit';

/** Where this device scans: the event, the gate (null: main entrance) and the direction. */
export interface Station {
  eventId: string;
  eventName: string | null;
  gateId: string | null;
  direction: Direction;
}

const KEY = 'tessera.scanner.station';

/** The station chosen last on this device, so a restart comes back to the same gate. */
export function loadStation(): Station | null {
  const saved = readJson<Partial<Station>>(KEY);
  if (!saved || typeof saved.eventId !== 'string' || !saved.eventId) return null;
  return {
    eventId: saved.eventId,
    eventName: typeof saved.eventName === 'string' ? saved.eventName : null,
    gateId: typeof saved.gateId === 'string' && saved.gateId ? saved.gateId : null,
    direction: saved.direction === 'exit' ? 'exit' : 'entry',
  };
}

export function saveStation(station: Station): void {
  writeJson(KEY, station);
}
