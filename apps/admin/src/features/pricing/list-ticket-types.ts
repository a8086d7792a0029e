import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PricedType = Schemas['TicketTypeDto'];

/** The event's ticket types (staff see hidden ones), with current and base prices. */
export function listTicketTypes(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tickets/types', { params: { query: { eventId, limit: 200 } }, signal }));
}
