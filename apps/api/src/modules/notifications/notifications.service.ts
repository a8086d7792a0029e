import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { SalesService } from '../sales/sales.service.js';
import { TicketFilesService } from '../tickets/ticket-files.service.js';
import type { NotificationPreferencesDto } from './dto/notification-preferences.dto.js';
import { MAILER, type Mailer, type MailMessage } from './mailer.js';
import type { NotificationChannel, NotificationStatus } from './notification.entity.js';
import { E164, SMS_SENDER, type SmsSender } from './sms.js';
import { TEMPLATES } from './templates.js';

export type DeliveryKind =
  | 'purchase-confirmation'
  | 'refund'
  | 'ticket-transfer-out'
  | 'ticket-transfer-in'
  | 'ticket-reissued'
  | 'ticket-resend';

interface Delivery {
  userId: string | null;
  email: string | null;
  template: DeliveryKind;
  data: Record<string, unknown>;
  attachments: MailMessage['attachments'];
  sms: string | null;
  purchaseId: string | null;
  ticketId: string | null;
}

const DEFAULTS = { email: true, sms: false, phone: null };

/**
 * The Notification Service: turns a `notifications.deliver` job into an email (ticket PDFs
 * attached) and, for customers who asked for it, an SMS with the short link to their tickets.
 * Preferences are respected; every message, sent, failed or skipped, is recorded once per job.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly sales: SalesService,
    private readonly files: TicketFilesService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preferences(userId: string): Promise<NotificationPreferencesDto> {
    const [row] = (await this.ds.query('SELECT email, sms, phone FROM notification_preferences WHERE user_id = $1', [
      userId,
    ])) as NotificationPreferencesDto[];
    return row ?? { ...DEFAULTS };
  }

  async setPreferences(userId: string, dto: NotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    const phone = dto.phone?.replace(/[\s()-]/g, '') || null;
    if (phone && !E164.test(phone))
      throw new DomainError(
        'bad_request',
        'PHONE_INVALID',
        'Give the phone number in international form, like +31612345678.',
      );
    if (dto.sms && !phone)
      throw new DomainError('unprocessable', 'PHONE_REQUIRED', 'Text messages need a phone number.');
    const [row] = (await this.ds.query(
      `INSERT INTO notification_preferences (user_id, email, sms, phone, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id) DO UPDATE SET email = $2, sms = $3, phone = $4, updated_at = now()
       RETURNING email, sms, phone`,
      [userId, dto.email, dto.sms, phone],
    )) as NotificationPreferencesDto[];
    return row;
  }

  async deliver(job: JobContext): Promise<void> {
    const delivery = await this.compose(job.data);
    if (!delivery) return;
    const prefs = delivery.userId ? await this.preferences(delivery.userId) : DEFAULTS;
    // Messages about a ticket changing hands always go out; the rest follow the customer's choice.
    const mandatory = delivery.template === 'ticket-transfer-out' || delivery.template === 'ticket-transfer-in';
    if (delivery.email) {
      if (!prefs.email && !mandatory) {
        await this.record(job, 'email', delivery.email, delivery, 'skipped', 'email switched off by the customer');
      } else {
        const rendered = TEMPLATES[delivery.template](delivery.data, { publicUrl: this.config.publicUrl });
        const host = new URL(this.config.publicUrl).hostname || 'localhost';
        try {
          await this.mailer.send({
            to: delivery.email,
            ...rendered,
            messageId: `<${job.id}.email@${host}>`,
            attachments: delivery.attachments,
          });
          await this.record(job, 'email', delivery.email, delivery, 'sent', null);
        } catch (error) {
          await this.record(job, 'email', delivery.email, delivery, 'failed', String((error as Error).message));
          throw error; // the queue retries with backoff
        }
      }
    }
    if (delivery.sms && prefs.sms && prefs.phone) {
      if (await this.alreadySent(job, 'sms', prefs.phone)) return;
      try {
        const ref = await this.sms.send(prefs.phone, delivery.sms);
        await this.record(job, 'sms', prefs.phone, delivery, 'sent', ref);
      } catch (error) {
        await this.record(job, 'sms', prefs.phone, delivery, 'failed', String((error as Error).message));
        throw error;
      }
    }
  }

  private async compose(data: Record<string, unknown>): Promise<Delivery | null> {
    const kind = data.kind as DeliveryKind;
    const link = `${this.config.publicUrl}/tickets`;
    if (kind === 'purchase-confirmation' || kind === 'refund') {
      const purchaseId = String(data.purchaseId);
      const contact = await this.sales.contactOf(purchaseId);
      if (!contact) return null;
      const rows = await this.files.rows('t.purchase_id = $1 AND t.status = $2', [purchaseId, 'valid']);
      const eventName = rows[0]?.eventName ?? (await this.eventName(contact.eventId));
      if (kind === 'refund') {
        return {
          userId: contact.customerId,
          email: contact.buyerEmail,
          template: 'refund',
          data: { purchaseId, eventName, ...(data.data as Record<string, unknown>) },
          attachments: [],
          sms: null,
          purchaseId,
          ticketId: null,
        };
      }
      const attachments = [];
      for (const row of rows) {
        attachments.push({
          filename: `ticket-${row.id.slice(0, 8)}.pdf`,
          content: await this.files.pdf(row, 'a4'),
          contentType: 'application/pdf',
        });
      }
      return {
        userId: contact.customerId,
        email: contact.buyerEmail,
        template: 'purchase-confirmation',
        data: { purchaseId, eventName, total: contact.total, currency: contact.currency, tickets: rows.length },
        attachments,
        sms: `Your ${rows.length} ticket(s) for ${eventName}: ${link}`,
        purchaseId,
        ticketId: null,
      };
    }
    const ticketId = String(data.ticketId);
    const [row] = await this.files.rows('t.id = $1', [ticketId]);
    if (!row) return null;
    const base = { eventName: row.eventName, ticketTypeName: row.ticketTypeName };
    if (kind === 'ticket-transfer-out') {
      const [sender] = (await this.ds.query('SELECT email FROM users WHERE id = $1', [data.userId])) as {
        email: string;
      }[];
      return {
        userId: typeof data.userId === 'string' ? data.userId : null,
        email: sender?.email ?? null,
        template: kind,
        data: { ...base, recipient: data.to },
        attachments: [],
        sms: null,
        purchaseId: row.purchaseId,
        ticketId,
      };
    }
    if (row.status !== 'valid') return null;
    const [previous] = kind === 'ticket-transfer-in' ? await this.previousHolder(ticketId) : [];
    return {
      userId: row.holderId,
      email: row.holderEmail,
      template: kind,
      data: { ...base, from: previous?.name ?? null },
      attachments: [
        {
          filename: `ticket-${row.id.slice(0, 8)}.pdf`,
          content: await this.files.pdf(row, 'a4'),
          contentType: 'application/pdf',
        },
      ],
      sms: `Your ticket for ${row.eventName}: ${link}`,
      purchaseId: row.purchaseId,
      ticketId,
    };
  }

  private async previousHolder(ticketId: string): Promise<{ name: string | null }[]> {
    return (await this.ds.query(
      `SELECT coalesce(o.holder_name, u.name) AS name FROM issued_tickets n
         JOIN issued_tickets o ON o.id = n.replaces_id LEFT JOIN users u ON u.id = o.holder_id WHERE n.id = $1`,
      [ticketId],
    )) as { name: string | null }[];
  }

  private async eventName(eventId: string): Promise<string> {
    const [row] = (await this.ds.query('SELECT name FROM games WHERE id = $1', [eventId])) as { name: string }[];
    return row?.name ?? '';
  }

  private async alreadySent(job: JobContext, channel: NotificationChannel, recipient: string): Promise<boolean> {
    const [row] = (await this.ds.query(
      "SELECT 1 FROM notifications WHERE job_id = $1 AND channel = $2 AND recipient = $3 AND status = 'sent'",
      [job.id, channel, recipient],
    )) as unknown[];
    return Boolean(row);
  }

  private async record(
    job: JobContext,
    channel: NotificationChannel,
    recipient: string,
    d: Delivery,
    status: NotificationStatus,
    detail: string | null,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO notifications (job_id, channel, recipient, template, status, attempts, detail, user_id, purchase_id, ticket_id, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 = 'sent' THEN now() END)
       ON CONFLICT (job_id, channel, recipient) DO UPDATE
         SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, detail = EXCLUDED.detail, sent_at = EXCLUDED.sent_at`,
      [job.id, channel, recipient, d.template, status, job.attempt, detail, d.userId, d.purchaseId, d.ticketId],
    );
  }
}
