import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type AccessSetup = Schemas['AccessSetupDto'];
export type CheckInList = Schemas['CheckInListDto'];
export type Zone = Schemas['ZoneDto'];
export type Gate = Schemas['GateDto'];

/** The event's check-in lists, zones and gates. */
export function getAccessSetup(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events/{id}/access', { params: { path: { id: eventId } }, signal }));
}
