import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const HOLD_STATUSES = ['active', 'converted', 'released', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** Inventory set aside for one buyer for a few minutes, with the quoted prices locked in its items. */
@Entity('holds')
@Index('holds_expiry_idx', ['expiresAt'], { where: "status = 'active'" })
@Check('holds_status_check', `"status" IN ('active', 'converted', 'released', 'expired')`)
export class HoldEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  /** The buyer: a customer or staff member (user) or a vendor (api client). */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  apiClientId: string | null;

  @Column('text')
  channel: string;

  @Column('text', { default: 'active' })
  status: HoldStatus;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('integer', { default: 0 })
  extensions: number;

  /** Promo codes applied to the hold's locked prices, redeemed when it is bought. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  promoCodeIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
