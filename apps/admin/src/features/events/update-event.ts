import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateEventInput = Schemas['UpdateEventDto'];

export function updateEvent(id: string, body: UpdateEventInput) {
  return unwrap(api.PATCH('/api/events/{id}', { params: { path: { id } }, body }));
}
