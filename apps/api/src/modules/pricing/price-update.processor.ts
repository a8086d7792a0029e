import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import { PriceUpdater } from './price-updater.service.js';

/** Scheduled every minute: time-based steps and demand move prices even when nothing is sold. */
@Injectable()
export class PriceUpdateProcessor {
  constructor(private readonly updater: PriceUpdater) {}

  @JobHandler('pricing.update-prices')
  async run(): Promise<void> {
    await this.updater.recomputeAll();
  }
}
