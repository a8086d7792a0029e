import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** A reply the customer sees and is emailed about. */
export function replySupportTicket(id: string, message: string) {
  return unwrap(api.POST('/api/tickets/{id}/messages', { params: { path: { id } }, body: { message } }));
}
