import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Deletes a ticket type nobody bought; 409 TICKET_TYPE_IN_USE otherwise. */
export function deleteTicketType(id: string) {
  return unwrap(api.DELETE('/api/tickets/types/{id}', { params: { path: { id } } }));
}
