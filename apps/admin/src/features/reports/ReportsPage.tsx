import {
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Select,
  Stat,
  TextField,
  formatMoney,
  navigate,
  useAsync,
  useRoute,
  withQuery,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { ExportPanel } from './ExportPanel.js';
import { getCheckInReport, type CheckInRow } from './get-check-in-report.js';
import { getSalesReport, type ReportFilters, type SalesGroup, type SalesRow } from './get-sales-report.js';
import { listEvents } from './list-events.js';
import { SalesChart } from './SalesChart.js';

const GROUPS: { value: SalesGroup; label: string }[] = [
  { value: 'event', label: 'Event' },
  { value: 'ticket_type', label: 'Ticket type' },
  { value: 'channel', label: 'Channel' },
  { value: 'day', label: 'Day' },
];

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA').format(d);
const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

/** `/reports`: sales, revenue and check-ins over a date range, with charts and exports. */
export function ReportsPage() {
  const { query } = useRoute();
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const from = query.get('from') ?? localDate(new Date(Date.now() - 29 * 86_400_000));
  const to = query.get('to') ?? localDate(new Date());
  const eventId = query.get('event') ?? '';
  const groupBy = (GROUPS.map((g) => g.value) as string[]).includes(query.get('group') ?? '')
    ? (query.get('group') as SalesGroup)
    : 'event';
  const gateView = query.get('checkins') === 'gate';
  const filters: ReportFilters = { from, to, eventId, tz };

  const go = (next: Record<string, string | undefined>) =>
    navigate(
      withQuery('/reports', {
        from,
        to,
        event: eventId || undefined,
        group: groupBy,
        checkins: gateView ? 'gate' : undefined,
        ...next,
      }),
      { replace: true },
    );

  const events = useAsync((signal) => listEvents(signal), []);
  const sales = useAsync((signal) => getSalesReport(filters, groupBy, signal), [from, to, eventId, groupBy, tz]);
  const checkIns = useAsync(
    (signal) => getCheckInReport(filters, gateView ? 'gate' : 'event', signal),
    [from, to, eventId, gateView, tz],
  );
  const currencies = sales.data?.totals.map((t) => t.currency) ?? [];
  const [chosen, setChosen] = useState('');
  const currency = currencies.includes(chosen) ? chosen : (currencies[0] ?? 'EUR');

  const salesColumns: Column<SalesRow>[] = [
    {
      key: 'label',
      header: GROUPS.find((g) => g.value === groupBy)?.label ?? 'Group',
      rowHeader: true,
      render: (r) => r.label,
    },
    { key: 'purchases', header: 'Purchases', align: 'end', render: (r) => r.purchases },
    { key: 'tickets', header: 'Tickets', align: 'end', render: (r) => r.tickets },
    { key: 'refunded', header: 'Refunded tickets', align: 'end', render: (r) => r.ticketsRefunded },
    { key: 'gross', header: 'Gross', align: 'end', render: (r) => formatMoney(r.gross, r.currency) },
    { key: 'refunds', header: 'Refunds', align: 'end', render: (r) => formatMoney(r.refunds, r.currency) },
    { key: 'net', header: 'Net', align: 'end', render: (r) => formatMoney(r.net, r.currency) },
    {
      key: 'avg',
      header: 'Average price',
      align: 'end',
      render: (r) => (r.averagePrice === null ? '—' : formatMoney(r.averagePrice, r.currency)),
    },
    { key: 'sell', header: 'Sell-through', align: 'end', render: (r) => percent(r.sellThrough) },
  ];
  const checkInColumns: Column<CheckInRow>[] = [
    {
      key: 'name',
      header: gateView ? 'Event · gate' : 'Event',
      rowHeader: true,
      render: (r) => (gateView ? `${r.eventName} · ${r.gateName ?? ''}` : r.eventName),
    },
    { key: 'tickets', header: 'Tickets', align: 'end', render: (r) => r.tickets },
    { key: 'admitted', header: 'Admitted', align: 'end', render: (r) => r.admitted },
    { key: 'rejected', header: 'Rejected scans', align: 'end', render: (r) => r.rejected },
    { key: 'rate', header: 'Check-in rate', align: 'end', render: (r) => percent(r.rate) },
  ];

  return (
    <>
      <PageHeader title="Reports" description={`Sales, revenue and check-ins. Days are counted in ${tz}.`} />
      <form
        className="ts-card ts-form"
        aria-label="Report filters"
        onSubmit={(e) => e.preventDefault()}
        style={{ marginBottom: 'var(--space-4)' }}
      >
        <div className="ts-grid">
          <TextField label="From" type="date" value={from} onChange={(e) => go({ from: e.target.value })} />
          <TextField label="To" type="date" value={to} onChange={(e) => go({ to: e.target.value })} />
          <Select
            label="Event"
            value={eventId}
            onChange={(e) => go({ event: e.target.value || undefined })}
            options={[
              { value: '', label: 'All events' },
              ...(events.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
          <Select
            label="Group sales by"
            value={groupBy}
            onChange={(e) => go({ group: e.target.value })}
            options={GROUPS}
          />
        </div>
      </form>

      <section aria-labelledby="sales-title" className="ts-stack">
        <h2 id="sales-title">Sales</h2>
        <ErrorBanner error={sales.error} />
        {sales.loading && !sales.data ? (
          <Loading />
        ) : (
          sales.data && (
            <>
              {sales.data.totals.length === 0 ? (
                <EmptyState title="No sales in this range">Widen the dates or choose another event.</EmptyState>
              ) : (
                sales.data.totals.map((t) => (
                  <div key={t.currency} className="ts-grid" data-testid={`totals-${t.currency}`}>
                    <Stat label={`Gross (${t.currency})`} value={formatMoney(t.gross, t.currency)} />
                    <Stat label={`Refunds (${t.currency})`} value={formatMoney(t.refunds, t.currency)} />
                    <Stat label={`Net (${t.currency})`} value={formatMoney(t.net, t.currency)} />
                    <Stat label="Tickets sold" value={t.tickets} />
                    <Stat
                      label="Average price"
                      value={t.averagePrice === null ? '—' : formatMoney(t.averagePrice, t.currency)}
                    />
                  </div>
                ))
              )}
              {currencies.length > 1 && (
                <Select
                  label="Chart currency"
                  value={currency}
                  onChange={(e) => setChosen(e.target.value)}
                  options={currencies.map((c) => ({ value: c, label: c }))}
                />
              )}
              <SalesChart rows={sales.data.items} currency={currency} />
              <DataTable
                caption="Sales"
                columns={salesColumns}
                rows={sales.data.items}
                rowKey={(r) => `${r.key}/${r.currency}`}
                busy={sales.loading}
                empty={null}
              />
            </>
          )
        )}
      </section>

      <section aria-labelledby="checkins-title" className="ts-stack" style={{ marginTop: 'var(--space-5)' }}>
        <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'end' }}>
          <h2 id="checkins-title">Check-ins (events starting in the range)</h2>
          <Select
            label="Check-ins by"
            value={gateView ? 'gate' : 'event'}
            onChange={(e) => go({ checkins: e.target.value === 'gate' ? 'gate' : undefined })}
            options={[
              { value: 'event', label: 'Event' },
              { value: 'gate', label: 'Gate' },
            ]}
          />
        </div>
        <ErrorBanner error={checkIns.error} />
        {checkIns.data && (
          <DataTable
            caption="Check-ins"
            columns={checkInColumns}
            rows={checkIns.data.items}
            rowKey={(r) => `${r.eventId}/${r.gateId ?? '-'}`}
            busy={checkIns.loading}
            empty={<EmptyState title="No events in this range" />}
          />
        )}
      </section>

      <div style={{ marginTop: 'var(--space-5)' }}>
        <ExportPanel filters={filters} groupBy={groupBy} />
      </div>
    </>
  );
}
