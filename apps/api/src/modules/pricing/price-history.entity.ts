import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketTypeEntity } from '../tickets/ticket-type.entity.js';
import type { AppliedRule } from './pricing-engine.js';

/** Every price a ticket type was published at, with the rules that made it. */
@Entity('price_history')
@Index('price_history_type_idx', ['ticketTypeId', 'changedAt'])
export class PriceHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketTypeId: string;

  @ManyToOne(() => TicketTypeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_type_id' })
  ticketType?: TicketTypeEntity;

  @Column('uuid')
  eventId: string;

  @Column('integer')
  price: number;

  @Column('integer', { nullable: true })
  previousPrice: number | null;

  @Column('char', { length: 3 })
  currency: string;

  @Column('jsonb', { default: () => "'[]'" })
  rules: AppliedRule[];

  /** What moved it: schedule, sale, rules_changed, base_changed. */
  @Column('text')
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
