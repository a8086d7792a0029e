import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateEventInput = Schemas['CreateEventDto'];

/** Creates the event as a draft. */
export function createEvent(body: CreateEventInput) {
  return unwrap(api.POST('/api/events', { body }));
}
