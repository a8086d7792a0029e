import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Holds a ticket back: refused at the gate as `blocked` until unblocked. */
export function blockTicket(id: string, reason: string) {
  return unwrap(api.POST('/api/issued-tickets/{id}/block', { params: { path: { id } }, body: { reason } }));
}
