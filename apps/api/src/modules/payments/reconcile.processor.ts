import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import { PaymentsService } from './payments.service.js';

/** Scheduled: payments pending too long are checked with the provider (a webhook may have been lost). */
@Injectable()
export class ReconcileProcessor {
  constructor(private readonly payments: PaymentsService) {}

  @JobHandler('reports.reconcile-payments')
  async reconcile(): Promise<void> {
    await this.payments.reconcile();
  }
}
