import type { SupportStatus } from './support-ticket.entity.js';

/**
 * The support workflow. A ticket is worked (open <-> pending: waiting on the customer), then
 * resolved, then closed; a resolved ticket can be reopened, a closed one is final. Skipping a
 * step (open -> closed) is refused so that resolution times mean the same thing for every ticket.
 */
export const STATUS_FLOW: Record<SupportStatus, readonly SupportStatus[]> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export const canMove = (from: SupportStatus, to: SupportStatus): boolean => STATUS_FLOW[from].includes(to);

/** Where a customer's own message takes the ticket: back to the agents unless it is closed. */
export function statusAfterCustomerMessage(status: SupportStatus): SupportStatus {
  return status === 'pending' || status === 'resolved' ? 'open' : status;
}

/** Seconds between two instants, or null while the second has not happened. */
export const secondsBetween = (from: Date, to: Date | null): number | null =>
  to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;
