import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A reserved seat taken for one event: held (by a live hold) or sold. One row per (event, seat)
 * is the database's guarantee that a seat is never in two live holds or tickets.
 */
@Entity('event_seats')
@Index('event_seats_hold_idx', ['holdId'])
@Check('event_seats_status_check', `"status" IN ('held', 'sold')`)
export class EventSeatEntity {
  @PrimaryColumn('uuid')
  eventId: string;

  @PrimaryColumn('uuid')
  seatId: string;

  @Column('uuid')
  ticketTypeId: string;

  @Column('text')
  status: 'held' | 'sold';

  @Column('uuid', { nullable: true })
  holdId: string | null;

  @Column('uuid', { nullable: true })
  purchaseId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
