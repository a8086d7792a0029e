import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateZoneInput = Schemas['CreateZoneDto'];

export function createZone(eventId: string, body: CreateZoneInput) {
  return unwrap(api.POST('/api/events/{id}/zones', { params: { path: { id: eventId } }, body }));
}
