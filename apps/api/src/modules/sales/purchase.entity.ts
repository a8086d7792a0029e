import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PURCHASE_STATUSES = [
  'pending_payment',
  'paid',
  'canceled',
  'expired',
  'refunded',
  'partially_refunded',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
export const CHANNELS = ['web', 'mobile', 'box_office', 'vendor'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface PurchaseItem {
  ticketTypeId: string;
  seatId: string | null;
  quantity: number;
  unitPrice: number;
}

/** One order. A projection of its purchase_events, written in the same transaction as each event. */
@Entity('ticket_purchases')
@Index('ticket_purchases_customer_idx', ['customerId', 'createdAt'])
@Index('ticket_purchases_event_idx', ['eventId', 'status'])
@Index('ticket_purchases_live_hold_key', ['holdId'], {
  unique: true,
  where: `hold_id IS NOT NULL AND status IN ('pending_payment', 'paid')`,
})
@Check(
  'ticket_purchases_status_check',
  `"status" IN ('pending_payment', 'paid', 'canceled', 'expired', 'refunded', 'partially_refunded')`,
)
@Check('ticket_purchases_total_check', '"total" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "total"')
export class PurchaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('text', { nullable: true })
  buyerEmail: string | null;

  @Column('text', { nullable: true })
  buyerName: string | null;

  @Column('text')
  channel: Channel;

  /** Staff member who sold it (box office), if any. */
  @Column('uuid', { nullable: true })
  soldBy: string | null;

  @Column('uuid', { nullable: true })
  apiClientId: string | null;

  @Column('uuid', { nullable: true })
  holdId: string | null;

  @Column('text')
  status: PurchaseStatus;

  @Column('integer')
  total: number;

  @Column('integer', { default: 0 })
  refundedAmount: number;

  @Column('char', { length: 3 })
  currency: string;

  @Column('jsonb')
  items: PurchaseItem[];

  @Column('text')
  paymentMethod: string;

  /** Number of events applied; the next event's sequence number is version + 1. */
  @Column('integer', { default: 0 })
  version: number;

  @Column('timestamptz', { nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
