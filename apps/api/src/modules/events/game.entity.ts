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
import { VenueEntity } from './venue.entity.js';

export const EVENT_STATUSES = ['draft', 'on_sale', 'sales_closed', 'canceled', 'completed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An event (a game, concert or show). The table keeps the seed's name, `games`. */
@Entity('games')
@Index('games_status_starts_at_idx', ['status', 'startsAt'])
@Check('games_status_check', `"status" IN ('draft', 'on_sale', 'sales_closed', 'canceled', 'completed')`)
@Check('games_ends_after_start_check', '"ends_at" IS NULL OR "ends_at" > "starts_at"')
@Check('games_hold_minutes_check', '"hold_minutes" BETWEEN 1 AND 60')
export class GameEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  doorsAt: Date | null;

  @Column('text')
  timezone: string;

  @Column('text', { default: 'draft' })
  status: EventStatus;

  @Column('uuid', { nullable: true })
  venueId: string | null;

  @ManyToOne(() => VenueEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue: VenueEntity | null;

  @Column('text', { nullable: true })
  imageUrl: string | null;

  /** Most tickets one customer may hold and buy for this event; null: no limit beyond each type's per-order maximum. */
  @Column('integer', { nullable: true })
  maxTicketsPerCustomer: number | null;

  /** How long a buyer's hold lasts for this event. */
  @Column('integer', { default: 10 })
  holdMinutes: number;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  canceledAt: Date | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
