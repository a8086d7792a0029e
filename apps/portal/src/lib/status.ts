import type { Schemas } from '@tessera/api-client';
import type { BadgeTone } from '@tessera/ui';

export type PurchaseStatus = Schemas['PurchaseDto']['status'];
export type TicketStatus = Schemas['IssuedTicketDto']['status'];

export const PURCHASE_STATUS: Record<PurchaseStatus, { label: string; tone: BadgeTone }> = {
  pending_payment: { label: 'Awaiting payment', tone: 'warning' },
  paid: { label: 'Paid', tone: 'success' },
  canceled: { label: 'Canceled', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'neutral' },
  refunded: { label: 'Refunded', tone: 'info' },
  partially_refunded: { label: 'Partly refunded', tone: 'info' },
};

export const TICKET_STATUS: Record<TicketStatus, { label: string; tone: BadgeTone }> = {
  valid: { label: 'Valid', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'danger' },
  refunded: { label: 'Refunded', tone: 'info' },
  canceled: { label: 'Canceled', tone: 'neutral' },
};
