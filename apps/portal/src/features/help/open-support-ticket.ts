import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type NewSupportTicket = Schemas['CreateSupportTicketDto'];

export function openSupportTicket(body: NewSupportTicket) {
  return unwrap(api.POST('/api/tickets', { body }));
}
