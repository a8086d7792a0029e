import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { SalesService } from './sales.service.js';

/** Refunds every purchase of a canceled event, in the background; retried until none is left. */
@Injectable()
export class RefundEventProcessor {
  constructor(private readonly sales: SalesService) {}

  @JobHandler('tickets.refund-event')
  async refund(job: JobContext): Promise<void> {
    await this.sales.refundEvent(String(job.data.eventId));
  }
}
