import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { RefundsService } from './refunds.service.js';
import { SettlementService } from './settlement.service.js';

/** Refunds the system owes, in the background; each job is retried, and a sweep picks up what is left. */
@Injectable()
export class RefundsProcessor {
  constructor(
    private readonly settlement: SettlementService,
    private readonly refunds: RefundsService,
  ) {}

  /** A canceled event: pending payments stopped, every paid purchase refunded. */
  @JobHandler('tickets.refund-event')
  async refundEvent(job: JobContext): Promise<void> {
    await this.settlement.closeCanceledEvent(String(job.data.eventId));
  }

  /** One purchase paid for stock it cannot have. */
  @JobHandler('tickets.refund-purchase')
  async refundPurchase(job: JobContext): Promise<void> {
    await this.refunds.refundDue(String(job.data.purchaseId), String(job.data.reason));
  }

  @JobHandler('tickets.refunds-due')
  async refundsDue(): Promise<void> {
    await this.refunds.refundsDue();
  }
}
