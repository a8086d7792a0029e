import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import { InventoryService } from './inventory.service.js';

/** Scheduled: releases holds past their expiry, so their stock goes back on sale. */
@Injectable()
export class HoldExpiryProcessor {
  constructor(private readonly inventory: InventoryService) {}

  @JobHandler('tickets.expire-holds')
  async expire(): Promise<void> {
    while ((await this.inventory.expireDue(500)) === 500) {
      // keep going until a pass finds fewer than a full batch
    }
  }
}
