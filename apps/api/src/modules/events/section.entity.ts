import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VenueEntity } from './venue.entity.js';

export const SECTION_KINDS = ['general_admission', 'reserved'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Part of a venue's seat map: general admission (a capacity) or reserved (rows of seats). */
@Entity('sections')
@Index('sections_venue_name_key', ['venueId', 'name'], { unique: true })
@Check('sections_kind_check', `"kind" IN ('general_admission', 'reserved')`)
@Check('sections_capacity_check', '"capacity" IS NULL OR "capacity" >= 0')
export class SectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity;

  @Column('text')
  name: string;

  @Column('text')
  kind: SectionKind;

  /** General admission only. */
  @Column('integer', { nullable: true })
  capacity: number | null;

  /** Drawing box on the map, in map units (the map is 1000 wide). */
  @Column('double precision', { default: 0 })
  x: number;

  @Column('double precision', { default: 0 })
  y: number;

  @Column('double precision', { default: 200 })
  width: number;

  @Column('double precision', { default: 120 })
  height: number;

  @Column('text', { default: '#64748b' })
  color: string;

  @Column('integer', { default: 0 })
  sortOrder: number;
}
