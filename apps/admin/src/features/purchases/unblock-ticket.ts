import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function unblockTicket(id: string) {
  return unwrap(api.DELETE('/api/issued-tickets/{id}/block', { params: { path: { id } } }));
}
