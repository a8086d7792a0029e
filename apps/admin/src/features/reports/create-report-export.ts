import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ReportExportRequest = Schemas['CreateReportExportDto'];
export type ReportRun = Schemas['ReportRunDto'];

/** Asks the Report Worker for a file; answers at once with the queued run. */
export function createReportExport(body: ReportExportRequest) {
  return unwrap(api.POST('/api/reports/exports', { body }));
}
