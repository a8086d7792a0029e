import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SUPPORT_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type SupportPriority = (typeof SUPPORT_PRIORITIES)[number];

/** A help-desk request (the seed's `tickets` table; not an admission ticket, those are `issued_tickets`). */
@Entity('tickets')
@Index('tickets_customer_idx', ['customerId', 'createdAt'])
@Index('tickets_status_idx', ['status', 'lastMessageAt'])
@Index('tickets_assignee_idx', ['assigneeId', 'status'])
@Index('tickets_event_idx', ['eventId'])
@Index('tickets_number_key', ['number'], { unique: true })
@Check('tickets_status_check', `"status" IN ('open', 'pending', 'resolved', 'closed')`)
@Check('tickets_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
export class SupportTicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short number people quote on the phone ("ticket 1042"). */
  @Column('bigint')
  @Generated('increment')
  number: string;

  @Column('uuid')
  customerId: string;

  @Column('text')
  subject: string;

  @Column('uuid', { nullable: true })
  purchaseId: string | null;

  /** The purchase's event, kept so the queue can be filtered by event. */
  @Column('uuid', { nullable: true })
  eventId: string | null;

  @Column('text', { default: 'open' })
  status: SupportStatus;

  @Column('text', { default: 'normal' })
  priority: SupportPriority;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  /** First reply from staff that the customer saw (internal notes do not count). */
  @Column('timestamptz', { nullable: true })
  firstResponseAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz')
  lastMessageAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}

/** One message in a support conversation; internal notes are for staff only. */
@Entity('ticket_messages')
@Index('ticket_messages_ticket_idx', ['ticketId', 'createdAt'])
@Check('ticket_messages_author_kind_check', `"author_kind" IN ('customer', 'staff')`)
export class TicketMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  authorKind: 'customer' | 'staff';

  @Column('text')
  body: string;

  @Column('boolean', { default: false })
  internal: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
