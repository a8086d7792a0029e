import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type TicketType = Schemas['TicketTypeDto'];
export type SalesChannel = TicketType['channels'][number];

/** Every ticket type of the event; staff also see the hidden ones. */
export function listTicketTypes(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tickets/types', { params: { query: { eventId, limit: 200 } }, signal }));
}
