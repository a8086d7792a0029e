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

/** A gate scanner registered by an admin: its key (an API key with the tickets:validate scope) is bound to an event and gate. */
@Entity('scanner_devices')
@Index('scanner_devices_client_key', ['apiClientId'], { unique: true })
export class ScannerDeviceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid')
  eventId: string;
  @Column('uuid', { nullable: true })
  gateId: string | null;
  @Column('text')
  name: string;
  @Column('uuid')
  apiClientId: string;
  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
  @Column('timestamptz', { nullable: true })
  lastSeenAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Something staff should look at: a ticket admitted twice while scanners were offline, a suspicious pattern. */
@Entity('validation_flags')
@Index('validation_flags_event_idx', ['eventId', 'createdAt'])
@Index('validation_flags_dedupe_key', ['kind', 'dedupeKey'], { unique: true })
export class ValidationFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid')
  eventId: string;
  @Column('text')
  kind: string;
  /** One flag per incident: the same evidence does not raise it twice. */
  @Column('text')
  dedupeKey: string;
  @Column('uuid', { nullable: true })
  ticketId: string | null;
  @Column('uuid', { nullable: true })
  deviceId: string | null;
  @Column('jsonb')
  evidence: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;
}
