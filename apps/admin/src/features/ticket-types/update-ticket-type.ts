import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateTicketTypeInput = Schemas['UpdateTicketTypeDto'];

/** Edits a ticket type; 422 CAPACITY_BELOW_SOLD when the capacity would not cover what is sold. */
export function updateTicketType(id: string, body: UpdateTicketTypeInput) {
  return unwrap(api.PATCH('/api/tickets/types/{id}', { params: { path: { id } }, body }));
}
