import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job written in the same transaction as the change that caused it; the relay moves it to the queue. */
@Entity('outbox_messages')
@Index('outbox_messages_pending_idx', ['availableAt'], { where: 'relayed_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  queue: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt: Date;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { nullable: true })
  relayedAt: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;
}
