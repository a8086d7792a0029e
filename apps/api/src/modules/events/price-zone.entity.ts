import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VenueEntity } from './venue.entity.js';

/** A group of seats sold at one price level (a ticket type can sell a zone). */
@Entity('price_zones')
@Index('price_zones_venue_name_key', ['venueId', 'name'], { unique: true })
export class PriceZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity;

  @Column('text')
  name: string;

  @Column('text', { default: '#4f46e5' })
  color: string;

  @Column('integer', { default: 0 })
  sortOrder: number;
}
