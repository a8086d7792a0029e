import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Every message sent (or deliberately not sent) to someone: one row per job, channel and recipient. */
@Entity('notifications')
@Index('notifications_delivery_key', ['jobId', 'channel', 'recipient'], { unique: true })
@Index('notifications_purchase_idx', ['purchaseId'])
@Check('notifications_channel_check', `"channel" IN ('email', 'sms')`)
@Check('notifications_status_check', `"status" IN ('sent', 'failed', 'skipped')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The queue job that sent it; a retried job updates its row instead of adding one. */
  @Column('text')
  jobId: string;

  @Column('text')
  channel: NotificationChannel;

  @Column('text')
  recipient: string;

  @Column('text')
  template: string;

  @Column('text')
  status: NotificationStatus;

  @Column('integer', { default: 1 })
  attempts: number;

  @Column('text', { nullable: true })
  detail: string | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  purchaseId: string | null;

  @Column('uuid', { nullable: true })
  ticketId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}

/** What a customer wants to hear about, and where. Transactional email is on unless switched off. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('boolean', { default: true })
  email: boolean;

  @Column('boolean', { default: false })
  sms: boolean;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
