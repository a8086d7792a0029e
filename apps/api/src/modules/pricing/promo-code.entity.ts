import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { GameEntity } from '../events/game.entity.js';

export const PROMO_KINDS = ['percent', 'amount'] as const;
export type PromoKind = (typeof PROMO_KINDS)[number];

/**
 * A promo code or voucher of one event: a percentage or fixed amount off per ticket, for some or all
 * of its ticket types; it may unlock hidden ticket types. `used` counts redemptions; the limit is
 * decided by one conditional UPDATE, the CHECK constraint is the backstop.
 */
@Entity('promo_codes')
@Index('promo_codes_event_code_key', ['eventId', 'code'], { unique: true })
@Index('promo_codes_code_idx', ['code'])
@Check('promo_codes_kind_check', `"kind" IN ('percent', 'amount')`)
@Check('promo_codes_value_check', `"value" >= 0 AND ("kind" <> 'percent' OR "value" <= 100)`)
@Check('promo_codes_used_check', '"used" >= 0 AND ("max_uses" IS NULL OR "used" <= "max_uses")')
@Check('promo_codes_window_check', '"valid_from" IS NULL OR "valid_until" IS NULL OR "valid_until" > "valid_from"')
export class PromoCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => GameEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: GameEntity;

  /** Upper case, as buyers may type it in any case. */
  @Column('text')
  code: string;

  @Column('text')
  kind: PromoKind;

  /** Percent (0-100) or minor units off each ticket. */
  @Column('integer')
  value: number;

  /** The types it discounts; empty: every type of the event. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  ticketTypeIds: string[];

  /** Hidden types this voucher unlocks. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  unlocksTicketTypeIds: string[];

  @Column('integer', { nullable: true })
  maxUses: number | null;

  @Column('integer', { default: 0 })
  used: number;

  @Column('integer', { nullable: true })
  maxUsesPerCustomer: number | null;

  @Column('timestamptz', { nullable: true })
  validFrom: Date | null;

  @Column('timestamptz', { nullable: true })
  validUntil: Date | null;

  /** May be combined with other stackable codes. */
  @Column('boolean', { default: false })
  stackable: boolean;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One use of a promo code by one purchase. */
@Entity('promo_redemptions')
@Index('promo_redemptions_purchase_key', ['promoCodeId', 'purchaseId'], { unique: true })
@Index('promo_redemptions_customer_idx', ['promoCodeId', 'customerId'])
export class PromoRedemptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  promoCodeId: string;

  @ManyToOne(() => PromoCodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promo_code_id' })
  promoCode?: PromoCodeEntity;

  @Column('uuid')
  purchaseId: string;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  redeemedAt: Date;
}
