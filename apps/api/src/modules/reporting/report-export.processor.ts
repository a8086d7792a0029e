import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { ReportExportService } from './report-export.service.js';

/** Payload of the `reports.export` job. */
export interface ReportExportJob {
  runId: string;
}

/** The Report Worker's exports: one `reports.export` job per requested run. */
@Injectable()
export class ReportExportProcessor {
  constructor(private readonly exports: ReportExportService) {}

  @JobHandler('reports.export')
  export(job: JobContext): Promise<void> {
    return this.exports.run(job);
  }
}
