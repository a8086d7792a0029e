import type { Schemas } from '@tessera/api-client';
import type { BadgeTone } from '@tessera/ui';

export type EventStatus = Schemas['EventDto']['status'];

export const EVENT_STATUS_TONES: Record<EventStatus, BadgeTone> = {
  draft: 'neutral',
  on_sale: 'success',
  sales_closed: 'warning',
  completed: 'info',
  canceled: 'danger',
};

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Draft',
  on_sale: 'On sale',
  sales_closed: 'Sales closed',
  completed: 'Completed',
  canceled: 'Canceled',
};

export type PurchaseStatus = Schemas['PurchaseDto']['status'];
export type TicketStatus = Schemas['IssuedTicketDto']['status'];

export const PURCHASE_STATUS_TONES: Record<PurchaseStatus, BadgeTone> = {
  pending_payment: 'warning',
  paid: 'success',
  canceled: 'neutral',
  expired: 'neutral',
  refunded: 'info',
  partially_refunded: 'info',
};

export const PURCHASE_STATUS_LABELS: Record<PurchaseStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  canceled: 'Canceled',
  expired: 'Expired',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

export const TICKET_STATUS_TONES: Record<TicketStatus, BadgeTone> = {
  valid: 'success',
  revoked: 'danger',
  refunded: 'info',
  canceled: 'neutral',
};
