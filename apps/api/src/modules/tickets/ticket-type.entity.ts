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

/** A sellable category of an event. `sold` and `held` are the quota counters the inventory decides on. */
@Entity('ticket_types')
@Index('ticket_types_event_idx', ['eventId', 'sortOrder'])
@Check('ticket_types_price_check', '"price" >= 0')
@Check('ticket_types_current_price_check', '"current_price" >= 0')
@Check('ticket_types_counters_check', '"sold" >= 0 AND "held" >= 0')
@Check('ticket_types_quota_check', '"capacity" IS NULL OR "sold" + "held" <= "capacity"')
@Check('ticket_types_per_order_check', '"min_per_order" >= 1 AND "max_per_order" >= "min_per_order"')
@Check(
  'ticket_types_sales_window_check',
  '"sales_end_at" IS NULL OR "sales_start_at" IS NULL OR "sales_end_at" > "sales_start_at"',
)
export class TicketTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => GameEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: GameEntity;

  @Column('text')
  name: string;

  /** Base price in minor units. */
  @Column('integer')
  price: number;

  /** The price on sale now, published by the Price Updater when the type has price rules; null: the base price. */
  @Column('integer', { nullable: true })
  currentPrice: number | null;

  @Column('char', { length: 3 })
  currency: string;

  @Column('integer', { nullable: true })
  capacity: number | null;

  @Column('integer', { default: 0 })
  sold: number;

  @Column('integer', { default: 0 })
  held: number;

  @Column('timestamptz', { nullable: true })
  salesStartAt: Date | null;

  @Column('timestamptz', { nullable: true })
  salesEndAt: Date | null;

  @Column('integer', { default: 1 })
  minPerOrder: number;

  @Column('integer', { default: 10 })
  maxPerOrder: number;

  @Column('text', { nullable: true })
  description: string | null;

  /** Reserved seating: the seats of this price zone and/or these sections. Null with no sections: general admission. */
  @Column('uuid', { nullable: true })
  priceZoneId: string | null;

  @Column('uuid', { array: true, default: () => "'{}'" })
  sectionIds: string[];

  /** Channels that may sell it. */
  @Column('text', { array: true, default: () => "'{web,box_office,vendor}'" })
  channels: string[];

  /** Hidden types appear only to buyers who enter the code (SHA-256 stored). */
  @Column('text', { nullable: true })
  unlockCodeHash: string | null;

  @Column('text', { default: 'general' })
  accessLevel: string;

  @Column('integer', { default: 0 })
  sortOrder: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
