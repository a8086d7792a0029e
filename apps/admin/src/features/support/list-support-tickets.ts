import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SupportTicket = Schemas['SupportTicketDto'];
export type SupportStatus = SupportTicket['status'];
export type SupportPriority = SupportTicket['priority'];

export interface SupportQueueFilters {
  status?: SupportStatus;
  /** A staff id, or "none" for unassigned tickets. */
  assigneeId?: string;
  eventId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export function listSupportTickets(filters: SupportQueueFilters, signal?: AbortSignal) {
  const query = {
    status: filters.status || undefined,
    assigneeId: filters.assigneeId || undefined,
    eventId: filters.eventId || undefined,
    q: filters.q || undefined,
    limit: filters.limit,
    offset: filters.offset,
  };
  return unwrap(api.GET('/api/tickets', { params: { query }, signal }));
}
