import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type DashboardSummary = Schemas['DashboardSummaryDto'];

/** Today's and the last 30 days' sales, today's events with live entry figures, the support backlog. */
export function getDashboardSummary(tz: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/reports/summary', { params: { query: { tz } }, signal }));
}
