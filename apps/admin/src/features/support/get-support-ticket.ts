import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SupportTicketDetail = Schemas['SupportTicketDetailDto'];
export type SupportMessage = Schemas['SupportMessageDto'];

export function getSupportTicket(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tickets/{id}', { params: { path: { id } }, signal }));
}
