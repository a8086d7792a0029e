import type { BadgeTone } from '@tessera/ui';
import type { SupportTicket } from './list-my-support-tickets.js';

/** How a request's state reads to the customer. */
export const SUPPORT_STATUS: Record<SupportTicket['status'], { label: string; tone: BadgeTone }> = {
  open: { label: 'Waiting for us', tone: 'warning' },
  pending: { label: 'Waiting for you', tone: 'info' },
  resolved: { label: 'Resolved', tone: 'success' },
  closed: { label: 'Closed', tone: 'neutral' },
};
