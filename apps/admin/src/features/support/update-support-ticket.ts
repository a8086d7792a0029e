import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SupportTicketChange = Schemas['UpdateSupportTicketDto'];

/** Assignee, status or priority; a status change must follow the workflow. */
export function updateSupportTicket(id: string, change: SupportTicketChange) {
  return unwrap(api.PATCH('/api/tickets/{id}', { params: { path: { id } }, body: change }));
}
