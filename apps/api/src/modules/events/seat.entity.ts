import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PriceZoneEntity } from './price-zone.entity.js';
import { SectionEntity } from './section.entity.js';

export const SEAT_ATTRIBUTES = ['accessible', 'restricted_view', 'aisle', 'companion'] as const;
export type SeatAttribute = (typeof SEAT_ATTRIBUTES)[number];
export const HOLD_BACK_KINDS = ['house', 'kill'] as const;
export type HoldBackKind = (typeof HOLD_BACK_KINDS)[number];

/** One reserved seat. Its row and label are unique within the section (the database enforces it). */
@Entity('seats')
@Index('seats_section_row_label_key', ['sectionId', 'row', 'label'], { unique: true })
@Index('seats_venue_idx', ['venueId'])
@Check('seats_held_back_check', `"held_back" IS NULL OR "held_back" IN ('house', 'kill')`)
export class SeatEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  sectionId: string;

  @ManyToOne(() => SectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: SectionEntity;

  @Column('uuid')
  venueId: string;

  @Column('text')
  row: string;

  @Column('text')
  label: string;

  @Column('double precision')
  x: number;

  @Column('double precision')
  y: number;

  @Column('text', { array: true, default: () => "'{}'" })
  attributes: SeatAttribute[];

  @Column('uuid', { nullable: true })
  priceZoneId: string | null;

  @ManyToOne(() => PriceZoneEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'price_zone_id' })
  priceZone?: PriceZoneEntity | null;

  /** House seats and kills are never sold. */
  @Column('text', { nullable: true })
  heldBack: HoldBackKind | null;

  @Column('integer', { default: 0 })
  sortOrder: number;
}
