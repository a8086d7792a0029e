import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only; each row carries the SHA-256 of the previous row, so an edit or a deletion breaks the chain. */
@Entity('audit_logs')
@Index('audit_logs_entity_idx', ['entityType', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('timestamptz')
  at: Date;

  /** user, api_client or system */
  @Column('text')
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Index('audit_logs_action_idx')
  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text', { nullable: true })
  entityId: string | null;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}
