import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A list a ticket is admitted to once (main entrance, VIP lounge); lists are independent of each other. */
@Entity('check_in_lists')
@Index('check_in_lists_default_key', ['eventId'], { unique: true, where: 'is_default' })
export class CheckInListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid')
  eventId: string;
  @Column('text')
  name: string;
  /** After an exit, may the holder come back in? */
  @Column('boolean', { default: false })
  allowReentry: boolean;
  @Column('boolean', { default: false })
  isDefault: boolean;
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An area of the venue for one event, open to the ticket access levels it lists. */
@Entity('zones')
export class ZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid')
  eventId: string;
  @Column('text')
  name: string;
  @Column('text', { array: true, default: () => "'{general}'" })
  accessLevels: string[];
}

/** An entry into a zone, checking tickets in on one check-in list. */
@Entity('gates')
export class GateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid')
  eventId: string;
  @Column('text')
  name: string;
  @Column('uuid', { nullable: true })
  zoneId: string | null;
  @Column('uuid')
  checkInListId: string;
}

/** Where a ticket stands on a list: in (admitted) or out (left, may come back if the list allows). */
@Entity('check_ins')
@Check('check_ins_state_check', `"state" IN ('in', 'out')`)
export class CheckInEntity {
  @PrimaryColumn('uuid')
  checkInListId: string;
  @PrimaryColumn('uuid')
  ticketId: string;
  @Column('text')
  state: 'in' | 'out';
  @Column('timestamptz')
  firstAdmittedAt: Date;
  @Column('timestamptz')
  changedAt: Date;
}

/** Every scan, admitted or not. A scanner's nonce makes a retry return the first answer. */
@Entity('validation_logs')
@Index('validation_logs_nonce_key', ['scope', 'nonce'], { unique: true, where: 'nonce IS NOT NULL' })
@Index('validation_logs_event_idx', ['eventId', 'scannedAt'])
@Index('validation_logs_ticket_idx', ['ticketId'])
@Check('validation_logs_result_check', `"result" IN ('admitted', 'rejected')`)
@Check('validation_logs_direction_check', `"direction" IN ('entry', 'exit')`)
export class ValidationLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;
  /** Who scanned: `user:<id>` or `client:<id>` (a scanner device's key). */
  @Column('text')
  scope: string;
  @Column('text', { nullable: true })
  nonce: string | null;
  @Column('uuid', { nullable: true })
  eventId: string | null;
  @Column('uuid', { nullable: true })
  ticketId: string | null;
  @Column('uuid', { nullable: true })
  gateId: string | null;
  @Column('uuid', { nullable: true })
  checkInListId: string | null;
  @Column('text')
  direction: 'entry' | 'exit';
  @Column('text')
  result: 'admitted' | 'rejected';
  @Column('text', { nullable: true })
  reason: string | null;
  @Column('timestamptz')
  scannedAt: Date;
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
  @Column('jsonb')
  answer: Record<string, unknown>;
}
