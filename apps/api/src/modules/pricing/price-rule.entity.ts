import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TicketTypeEntity } from '../tickets/ticket-type.entity.js';
import type { PriceRuleKind } from './pricing-engine.js';

/** A ticket type's dynamic-pricing limits: its floor, ceiling, price points and rise cap. A row means the type has rules. */
@Entity('price_policies')
@Index('price_policies_event_idx', ['eventId'])
@Check('price_policies_limits_check', '"floor" IS NULL OR "ceiling" IS NULL OR "floor" <= "ceiling"')
@Check('price_policies_round_check', '"round_to" >= 1')
export class PricePolicyEntity {
  @PrimaryColumn('uuid')
  ticketTypeId: string;

  @ManyToOne(() => TicketTypeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_type_id' })
  ticketType?: TicketTypeEntity;

  @Column('uuid')
  eventId: string;

  @Column('integer', { nullable: true })
  floor: number | null;

  @Column('integer', { nullable: true })
  ceiling: number | null;

  @Column('integer', { default: 1 })
  roundTo: number;

  @Column('integer', { nullable: true })
  maxRisePerHour: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One rule of a ticket type's price, in order (`position`); its parameters depend on its kind. */
@Entity('price_rules')
@Index('price_rules_type_idx', ['ticketTypeId', 'position'], { unique: true })
@Check('price_rules_kind_check', `"kind" IN ('time_step', 'sell_through', 'sales_velocity')`)
export class PriceRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketTypeId: string;

  @ManyToOne(() => TicketTypeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_type_id' })
  ticketType?: TicketTypeEntity;

  @Column('integer')
  position: number;

  @Column('text')
  kind: PriceRuleKind;

  @Column('text', { nullable: true })
  label: string | null;

  @Column('jsonb')
  params: Record<string, unknown>;
}
