import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateCheckInListInput = Schemas['CreateCheckInListDto'];

export function createCheckInList(eventId: string, body: CreateCheckInListInput) {
  return unwrap(api.POST('/api/events/{id}/check-in-lists', { params: { path: { id: eventId } }, body }));
}
