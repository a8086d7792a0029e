import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Puts a draft on sale; the API refuses (NO_TICKET_TYPES) while it has no ticket type. */
export function publishEvent(id: string) {
  return unwrap(api.POST('/api/events/{id}/publish', { params: { path: { id } } }));
}
