import {
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  Stat,
  formatEventTime,
  formatMoney,
  formatTimestamp,
  useAsync,
  type Column,
} from '@tessera/ui';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useVisiblePolling } from '../../lib/use-visible-polling.js';
import { getDailySales } from './get-daily-sales.js';
import { getDashboardSummary, type DashboardSummary } from './get-dashboard-summary.js';

type TodayEvent = DashboardSummary['events'][number];
/** Today's events are followed live while the dashboard is visible. */
const LIVE_MS = 10_000;

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** "3 h 20 min" from seconds. */
function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Every day of the last 30, quiet days included, so the chart's time axis has no gaps. */
function dailySeries(
  items: { key: string; currency: string; net: number; tickets: number }[],
  currency: string,
  tz: string,
) {
  const byDay = new Map(items.filter((i) => i.currency === currency).map((i) => [i.key, i]));
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(d);
  const out = [];
  for (let i = 29; i >= 0; i--) {
    const key = day(new Date(Date.now() - i * 86_400_000));
    out.push({ day: key.slice(5), net: byDay.get(key)?.net ?? 0, tickets: byDay.get(key)?.tickets ?? 0 });
  }
  return out;
}

/** Sales, today's events and the support backlog, for admins and event managers. */
export function KeyFigures() {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const summary = useVisiblePolling((signal) => getDashboardSummary(tz, signal), [tz], LIVE_MS);
  const daily = useAsync((signal) => getDailySales(tz, signal), [tz]);

  if (summary.loading && !summary.data) return <Loading />;
  const s = summary.data;
  const currency = s?.last30Days[0]?.currency ?? s?.today[0]?.currency ?? 'EUR';
  const today = s?.today.find((t) => t.currency === currency);
  const month = s?.last30Days.find((t) => t.currency === currency);

  const columns: Column<TodayEvent>[] = [
    { key: 'name', header: 'Event', rowHeader: true, render: (e) => e.name },
    { key: 'starts', header: 'Starts', render: (e) => formatEventTime(e.startsAt, tz) },
    {
      key: 'sold',
      header: 'Sold',
      align: 'end',
      render: (e) => (e.capacity ? `${e.sold} / ${e.capacity}` : e.sold),
    },
    { key: 'admitted', header: 'Admitted', align: 'end', render: (e) => `${e.admitted} / ${e.tickets}` },
    {
      key: 'rate',
      header: 'Checked in',
      align: 'end',
      render: (e) => <span data-testid="today-rate">{percent(e.checkInRate)}</span>,
    },
    { key: 'scan', header: 'Last scan', render: (e) => formatTimestamp(e.lastScanAt) },
  ];

  return (
    <section aria-labelledby="figures-title" className="ts-stack" style={{ marginBottom: 'var(--space-5)' }}>
      <h2 id="figures-title">Key figures</h2>
      <ErrorBanner error={summary.error} />
      {s && (
        <>
          <div className="ts-grid">
            <Stat label={`Sales today (${currency})`} value={formatMoney(today?.net ?? 0, currency)} />
            <Stat label="Tickets sold today" value={today?.tickets ?? 0} />
            <Stat label={`Net, last 30 days (${currency})`} value={formatMoney(month?.net ?? 0, currency)} />
            <Stat label={`Refunds, last 30 days (${currency})`} value={formatMoney(month?.refunds ?? 0, currency)} />
            <Stat label="Open support tickets" value={s.support.open} />
            <Stat label="Unassigned support tickets" value={s.support.unassigned} />
            <Stat label="First support reply, 30-day average" value={duration(s.support.averageFirstResponseSeconds)} />
            <Stat label="Support resolution, 30-day average" value={duration(s.support.averageResolutionSeconds)} />
          </div>
          <div className="ts-card">
            <h3>Net sales per day, last 30 days ({currency})</h3>
            {daily.data ? (
              <ResponsiveContainer width="100%" height={220}>
                <AreaChart
                  data={dailySeries(daily.data.items, currency, tz)}
                  margin={{ top: 8, right: 16, bottom: 0, left: 16 }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="day" tick={{ fontSize: 12 }} />
                  <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} tick={{ fontSize: 12 }} width={90} />
                  <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
                  <Area type="monotone" dataKey="net" name="Net" stroke="#4338ca" fill="#c7d2fe" />
                </AreaChart>
              </ResponsiveContainer>
            ) : (
              <ErrorBanner error={daily.error} />
            )}
          </div>
          <div className="ts-card ts-stack">
            <h3>Today&apos;s events (live)</h3>
            <DataTable
              caption="Today's events"
              columns={columns}
              rows={s.events}
              rowKey={(e) => e.id}
              empty={<EmptyState title="No events today" />}
            />
            <p className="ts-muted" style={{ margin: 0 }}>
              Updated {formatTimestamp(s.generatedAt)}; refreshes every {LIVE_MS / 1000} seconds.
            </p>
          </div>
        </>
      )}
    </section>
  );
}
