import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TICKET_STATUSES = ['valid', 'revoked', 'refunded', 'canceled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** One admission. A reserved seat is in at most one valid ticket per event (partial unique index). */
@Entity('issued_tickets')
@Index('issued_tickets_purchase_idx', ['purchaseId'])
@Index('issued_tickets_event_seat_key', ['eventId', 'seatId'], {
  unique: true,
  where: "seat_id IS NOT NULL AND status = 'valid'",
})
@Check('issued_tickets_status_check', `"status" IN ('valid', 'revoked', 'refunded', 'canceled')`)
export class IssuedTicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  purchaseId: string;

  @Column('uuid')
  eventId: string;

  @Column('uuid')
  ticketTypeId: string;

  @Column('uuid', { nullable: true })
  seatId: string | null;

  @Column('uuid', { nullable: true })
  holderId: string | null;

  @Column('text', { default: 'valid' })
  status: TicketStatus;

  /** The signed code the QR carries (libs/ticket-code). */
  @Column('text', { nullable: true })
  code: string | null;

  @Column('integer')
  price: number;

  @Column('char', { length: 3 })
  currency: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
