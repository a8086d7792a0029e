import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The signed-in customer's tickets (the API's largest page). */
export function listMyTickets(signal?: AbortSignal) {
  return unwrap(api.GET('/api/me/tickets', { params: { query: { limit: 200 } }, signal }));
}
