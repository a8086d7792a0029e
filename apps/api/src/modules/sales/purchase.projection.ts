import type { PurchaseEventType } from './purchase-event.entity.js';
import type { PurchaseEntity } from './purchase.entity.js';

export type { PurchaseEntity };

export interface StoredEvent {
  seq: number;
  type: PurchaseEventType;
  data: Record<string, unknown>;
  createdAt: Date;
}

export type Projection = Pick<
  PurchaseEntity,
  | 'status'
  | 'total'
  | 'refundedAmount'
  | 'currency'
  | 'items'
  | 'paymentMethod'
  | 'version'
  | 'paidAt'
  | 'eventId'
  | 'channel'
  | 'holdId'
> &
  /** Who it belongs to; undefined when the `created` event predates recording them. */
  Partial<Pick<PurchaseEntity, 'customerId' | 'soldBy' | 'apiClientId'>>;

const known = <T>(d: Record<string, unknown>, key: string): T | undefined => (key in d ? (d[key] as T) : undefined);

/** Folds a purchase's events into its projection. Pure: the rebuild command and the tests use it. */
export function foldPurchase(events: StoredEvent[]): Projection | null {
  let p: Projection | null = null;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const d = e.data;
    switch (e.type) {
      case 'created':
        p = {
          status: 'pending_payment',
          total: d.total as number,
          refundedAmount: 0,
          currency: d.currency as string,
          items: d.items as Projection['items'],
          paymentMethod: d.paymentMethod as string,
          eventId: d.eventId as string,
          channel: d.channel as Projection['channel'],
          holdId: (d.holdId as string | null | undefined) ?? null,
          customerId: known(d, 'customerId'),
          soldBy: known(d, 'soldBy'),
          apiClientId: known(d, 'apiClientId'),
          version: 0,
          paidAt: null,
        };
        break;
      case 'paid':
        if (p) {
          p.status = 'paid';
          p.paidAt = new Date(d.at as string);
        }
        break;
      case 'refunded':
        if (p) {
          p.refundedAmount += d.amount as number;
          p.status = d.full ? 'refunded' : 'partially_refunded';
        }
        break;
      case 'payment_failed':
      case 'canceled':
        if (p && p.status === 'pending_payment') p.status = 'canceled';
        break;
      case 'expired':
        if (p && p.status === 'pending_payment') p.status = 'expired';
        break;
      case 'payment_pending':
      case 'payment_authorized':
      case 'payment_attempt_failed':
      case 'tickets_issued':
      case 'rereserved':
      case 'refund_due':
        break;
    }
    if (p) p.version = e.seq;
  }
  return p;
}
