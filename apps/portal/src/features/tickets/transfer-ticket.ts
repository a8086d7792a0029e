import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export interface TransferRequest {
  email: string;
  name?: string;
}

/** Gives the ticket to someone else: this one is revoked and they get a new one, with a new code, by email. */
export function transferTicket(id: string, body: TransferRequest) {
  return unwrap(api.POST('/api/me/tickets/{id}/transfer', { params: { path: { id } }, body }));
}
