import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PAYMENT_METHODS = ['sandbox', 'stripe', 'paypal', 'cash', 'card_terminal'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = [
  'pending',
  'succeeded',
  'failed',
  'refunded',
  'partially_refunded',
  'canceled',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment for a purchase. No card data is ever stored: only the provider's reference. */
@Entity('payments')
@Index('payments_purchase_idx', ['purchaseId'])
@Index('payments_provider_ref_key', ['method', 'providerRef'], { unique: true, where: 'provider_ref IS NOT NULL' })
@Check(
  'payments_status_check',
  `"status" IN ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'canceled')`,
)
@Check('payments_amount_check', '"amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount"')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  purchaseId: string;

  @Column('text')
  method: PaymentMethod;

  @Column('text')
  status: PaymentStatus;

  @Column('integer')
  amount: number;

  @Column('integer', { default: 0 })
  refundedAmount: number;

  @Column('char', { length: 3 })
  currency: string;

  /** PaymentIntent id, PayPal order id, sandbox reference. */
  @Column('text', { nullable: true })
  providerRef: string | null;

  @Column('text', { nullable: true })
  failureCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
