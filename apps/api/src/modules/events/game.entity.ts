import {
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

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
