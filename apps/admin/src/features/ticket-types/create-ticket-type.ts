import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateTicketTypeInput = Schemas['CreateTicketTypeDto'];

export function createTicketType(body: CreateTicketTypeInput) {
  return unwrap(api.POST('/api/tickets/types', { body }));
}
