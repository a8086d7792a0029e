import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** An internal note: staff only, never shown or mailed to the customer. */
export function addSupportNote(id: string, message: string) {
  return unwrap(api.POST('/api/tickets/{id}/notes', { params: { path: { id } }, body: { message } }));
}
