import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateCheckInListInput = Schemas['UpdateCheckInListDto'];
export type UpdateZoneInput = Schemas['UpdateZoneDto'];
export type UpdateGateInput = Schemas['UpdateGateDto'];

export function updateCheckInList(id: string, body: UpdateCheckInListInput) {
  return unwrap(api.PATCH('/api/check-in-lists/{id}', { params: { path: { id } }, body }));
}

export function updateZone(id: string, body: UpdateZoneInput) {
  return unwrap(api.PATCH('/api/zones/{id}', { params: { path: { id } }, body }));
}

/** `zoneId: null` makes the gate lead into no zone. */
export function updateGate(id: string, body: UpdateGateInput) {
  return unwrap(api.PATCH('/api/gates/{id}', { params: { path: { id } }, body }));
}

/** What can be deleted; the API refuses (409) what history or other parts depend on, and says why. */
export type SetupPart = 'list' | 'zone' | 'gate';

export async function deleteSetupPart(part: SetupPart, id: string): Promise<void> {
  const options = { params: { path: { id } } };
  if (part === 'list') await unwrap(api.DELETE('/api/check-in-lists/{id}', options));
  else if (part === 'zone') await unwrap(api.DELETE('/api/zones/{id}', options));
  else await unwrap(api.DELETE('/api/gates/{id}', options));
}
