import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TICKET_STATUSES = ['valid', 'revoked', 'refunded', 'canceled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** One admission. A reserved seat is in at most one valid ticket per event (partial unique index). */
@Entity('issued_tickets')
@Index('issued_tickets_purchase_idx', ['purchaseId'])
/** Sales speed per ticket type over the last minutes (dynamic pricing), without reading the event's tickets. */
@Index('issued_tickets_type_created_idx', ['ticketTypeId', 'createdAt'])
@Index('issued_tickets_holder_email_idx', ['holderEmail'], { where: 'holder_email IS NOT NULL' })
@Index('issued_tickets_blocked_idx', ['eventId'], { where: 'blocked_at IS NOT NULL' })
@Index('issued_tickets_revoked_idx', ['eventId', 'revokedAt'], { where: 'revoked_at IS NOT NULL' })
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

  /** Who the ticket is for when it was transferred to someone (who may not have an account yet). */
  @Column('text', { nullable: true })
  holderEmail: string | null;

  @Column('text', { nullable: true })
  holderName: string | null;

  /** The ticket this one replaced (a transfer or a reissue revoked it). */
  @Column('uuid', { nullable: true })
  replacesId: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('text', { nullable: true })
  revokedReason: string | null;

  /** Held back by staff (a dispute, suspected fraud): refused at the gate as `blocked` until unblocked. */
  @Column('timestamptz', { nullable: true })
  blockedAt: Date | null;

  @Column('text', { nullable: true })
  blockedReason: string | null;

  @Column('uuid', { nullable: true })
  blockedBy: string | null;

  /** First admission at a gate; a used ticket can no longer be transferred. */
  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

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
