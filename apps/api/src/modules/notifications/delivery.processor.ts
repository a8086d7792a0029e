import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { NotificationsService } from './notifications.service.js';

/** The Email Worker's ticket messages: one `notifications.deliver` job, retried with backoff until sent. */
@Injectable()
export class DeliveryProcessor {
  constructor(private readonly notifications: NotificationsService) {}

  @JobHandler('notifications.deliver')
  deliver(job: JobContext): Promise<void> {
    return this.notifications.deliver(job);
  }
}
