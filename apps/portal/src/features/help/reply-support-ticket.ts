import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function replySupportTicket(id: string, message: string) {
  return unwrap(api.POST('/api/tickets/{id}/messages', { params: { path: { id } }, body: { message } }));
}
