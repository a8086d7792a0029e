import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every provider event seen once: a replayed webhook finds its id here and changes nothing. */
@Entity('payment_webhook_events')
export class WebhookEventEntity {
  @PrimaryColumn('text')
  provider: string;

  @PrimaryColumn('text')
  eventId: string;

  @Column('text')
  type: string;

  @Column('timestamptz', { default: () => 'now()' })
  receivedAt: Date;
}
