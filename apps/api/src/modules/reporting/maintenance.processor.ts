import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';

/** Scheduled housekeeping run by the Report Worker. */
@Injectable()
export class MaintenanceProcessor {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('reports.verify-audit-chain')
  async verifyAuditChain(): Promise<void> {
    const result = await this.audit.verify();
    if (result.valid) this.logger.info(result, 'audit chain verified');
    else this.logger.error(result, 'AUDIT CHAIN BROKEN: an audit entry was altered or removed');
  }

  @JobHandler('reports.outbox-cleanup')
  async cleanOutbox(): Promise<void> {
    await this.dataSource.query("DELETE FROM outbox_messages WHERE relayed_at < now() - interval '3 days'");
  }
}
