import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import type { ReportFilters } from './get-sales-report.js';

export type CheckInRow = Schemas['CheckInReportRowDto'];

export function getCheckInReport(filters: ReportFilters, groupBy: 'event' | 'gate', signal?: AbortSignal) {
  const query = { ...filters, eventId: filters.eventId || undefined, groupBy };
  return unwrap(api.GET('/api/reports/check-ins', { params: { query }, signal }));
}
