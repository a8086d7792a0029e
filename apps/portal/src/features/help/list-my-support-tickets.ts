import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SupportTicket = Schemas['SupportTicketDto'];

/** The signed-in customer's own support requests, latest activity first. */
export function listMySupportTickets({ limit, offset }: { limit: number; offset: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tickets', { params: { query: { limit, offset } }, signal }));
}
