import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { RefundsService } from './refunds.service.js';

/** Refunds every purchase of a canceled event, in the background; retried until none is left. */
@Injectable()
export class RefundEventProcessor {
  constructor(private readonly refunds: RefundsService) {}

  @JobHandler('tickets.refund-event')
  async refund(job: JobContext): Promise<void> {
    await this.refunds.refundEvent(String(job.data.eventId));
  }
}
