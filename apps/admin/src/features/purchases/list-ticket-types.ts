import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The event's ticket types, to name a purchase's items. */
export function listTicketTypes(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tickets/types', { params: { query: { eventId, limit: 200 } }, signal }));
}
