import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { TicketFilesService } from './ticket-files.service.js';

/** The Ticket Worker: renders a purchase's QR codes and PDF tickets into storage, then asks for the buyer's notification. */
@Injectable()
export class TicketRenderProcessor {
  constructor(
    private readonly files: TicketFilesService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
  ) {}

  @JobHandler('tickets.render')
  async render(job: JobContext): Promise<void> {
    const purchaseId = String(job.data.purchaseId);
    await this.files.renderPurchase(purchaseId);
    const notify = job.data.notify;
    if (typeof notify === 'string') {
      // Keyed by this job: a retried render does not send the notification twice.
      await this.tx.run(async (m) => {
        const [seen] = (await m.query(
          "SELECT 1 FROM outbox_messages WHERE name = 'notifications.deliver' AND payload->>'afterJob' = $1",
          [job.id],
        )) as unknown[];
        if (!seen)
          await this.outbox.enqueue(m, 'notifications.deliver', { kind: notify, purchaseId, afterJob: job.id });
      });
    }
  }
}
