import { type Schemas, unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import { answeredFromCache } from '../../lib/saved-tickets.js';

export type Ticket = Schemas['IssuedTicketDto'];

/**
 * The signed-in customer's tickets (the API's largest page). `saved` is true when the network failed
 * and the service worker answered with the copy it kept.
 */
export async function listMyTickets(signal?: AbortSignal) {
  const call = api.GET('/api/me/tickets', { params: { query: { limit: 200 } }, signal });
  const list = await unwrap(call);
  const { response } = await call;
  const items: Ticket[] = list.items;
  return { items, total: list.total, saved: answeredFromCache(response) };
}
