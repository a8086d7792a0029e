import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PURCHASE_EVENT_TYPES = [
  'created',
  'payment_pending',
  'payment_authorized',
  'payment_attempt_failed',
  'payment_failed',
  'paid',
  'tickets_issued',
  'refunded',
  'canceled',
  'expired',
  'rereserved',
  'refund_due',
] as const;
export type PurchaseEventType = (typeof PURCHASE_EVENT_TYPES)[number];

/** The append-only history of a purchase: the source of truth its projection is rebuilt from. */
@Entity('purchase_events')
@Index('purchase_events_purchase_seq_key', ['purchaseId', 'seq'], { unique: true })
export class PurchaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  purchaseId: string;

  @Column('integer')
  seq: number;

  @Column('text')
  type: PurchaseEventType;

  @Column('jsonb')
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
