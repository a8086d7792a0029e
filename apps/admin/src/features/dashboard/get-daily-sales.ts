import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Sales per day over the last 30 days (today included), for the trend chart. */
export function getDailySales(tz: string, signal?: AbortSignal) {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(d);
  const query = { from: day(new Date(Date.now() - 29 * 86_400_000)), to: day(new Date()), tz, groupBy: 'day' as const };
  return unwrap(api.GET('/api/reports/sales', { params: { query }, signal }));
}
