import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateGateInput = Schemas['CreateGateDto'];

/** Without a check-in list the gate uses the event's default list, created on first use. */
export function createGate(eventId: string, body: CreateGateInput) {
  return unwrap(api.POST('/api/events/{id}/gates', { params: { path: { id: eventId } }, body }));
}
