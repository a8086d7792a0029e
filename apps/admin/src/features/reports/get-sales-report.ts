import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SalesReport = Schemas['SalesReportDto'];
export type SalesRow = Schemas['SalesReportRowDto'];
export type SalesFigures = Schemas['SalesFiguresDto'];
export type SalesGroup = 'event' | 'ticket_type' | 'channel' | 'day';

export interface ReportFilters {
  /** YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
  eventId?: string;
  tz: string;
}

export function getSalesReport(filters: ReportFilters, groupBy: SalesGroup, signal?: AbortSignal) {
  const query = { ...filters, eventId: filters.eventId || undefined, groupBy };
  return unwrap(api.GET('/api/reports/sales', { params: { query }, signal }));
}
