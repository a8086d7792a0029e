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
@Check('ticket_types_counters_check', '"sold" >= 0 AND "held" >= 0')
@Check('ticket_types_quota_check', '"capacity" IS NULL OR "sold" + "held" <= "capacity"')
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

  @Column('integer', { default: 10 })
  maxPerOrder: number;

  @Column('text', { default: 'general' })
  accessLevel: string;

  @Column('integer', { default: 0 })
  sortOrder: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
