import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Emails the ticket to its holder again (queued; the API answers 202). */
export function resendTicket(id: string) {
  return unwrap(api.POST('/api/me/tickets/{id}/resend', { params: { path: { id } } }));
}
