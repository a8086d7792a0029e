import { ApiProblem, type Schemas, unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import { listMyTickets, type Ticket } from './list-my-tickets.js';

/** One of your tickets with its QR, signed file links and whether it may be transferred now. */
export function getMyTicket(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/me/tickets/{id}', { params: { path: { id } }, signal }));
}

export type TicketDetail = Schemas['TicketDetailDto'];

export interface TicketView {
  ticket: Ticket;
  /** Null when only the saved list could be read (offline): the code shows, the actions wait. */
  detail: TicketDetail | null;
  saved: boolean;
}

/** The server could not be reached (or is down), as opposed to answering no. */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof ApiProblem && error.status >= 500);
}

/** The ticket from the API, or, without a connection, from the ticket list the service worker kept. */
export async function loadTicket(id: string, signal?: AbortSignal): Promise<TicketView> {
  try {
    const detail = await getMyTicket(id, signal);
    return { ticket: detail, detail, saved: false };
  } catch (error) {
    if (!unreachable(error)) throw error;
    const list = await listMyTickets(signal).catch(() => null);
    const ticket = list?.items.find((t) => t.id === id);
    if (!ticket) throw error;
    return { ticket, detail: null, saved: true };
  }
}
