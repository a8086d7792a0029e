import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HoldEntity } from './hold.entity.js';

/** One line of a hold: a quantity of a general-admission type, or one reserved seat. */
@Entity('hold_items')
@Index('hold_items_hold_idx', ['holdId'])
@Check('hold_items_quantity_check', '"quantity" > 0')
@Check('hold_items_price_check', '"unit_price" >= 0')
export class HoldItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  holdId: string;

  @ManyToOne(() => HoldEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hold_id' })
  hold?: HoldEntity;

  @Column('uuid')
  ticketTypeId: string;

  @Column('uuid', { nullable: true })
  seatId: string | null;

  @Column('integer')
  quantity: number;

  /** Locked when the hold was made. */
  @Column('integer')
  unitPrice: number;

  @Column('char', { length: 3 })
  currency: string;
}
