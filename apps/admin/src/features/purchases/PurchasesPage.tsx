import {
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  Select,
  TextField,
  formatMoney,
  formatTimestamp,
  humanize,
  navigate,
  useAsync,
  useDebouncedValue,
  useRoute,
  withQuery,
  type Column,
} from '@tessera/ui';
import { useEffect, useMemo, useState } from 'react';
import { PURCHASE_STATUS_LABELS, PURCHASE_STATUS_TONES, type PurchaseStatus } from '../../lib/status.js';
import { listEvents } from './list-events.js';
import { searchPurchases, type Purchase } from './search-purchases.js';

const LIMIT = 20;
const STATUSES = Object.keys(PURCHASE_STATUS_LABELS) as PurchaseStatus[];

export const shortId = (id: string) => id.slice(0, 8).toUpperCase();

/** `/purchases`: search by id, email or name, filter by event and status. The filters live in the URL. */
export function PurchasesPage() {
  const { query } = useRoute();
  const eventId = query.get('event') ?? '';
  const status = (STATUSES as string[]).includes(query.get('status') ?? '')
    ? (query.get('status') as PurchaseStatus)
    : '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [search, setSearch] = useState(query.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const urlQ = query.get('q') ?? '';

  const go = (next: { q?: string; event?: string; status?: string; offset?: number }) => {
    const merged = { q: urlQ, event: eventId, status, ...next };
    navigate(withQuery('/purchases', { ...merged, offset: merged.offset || undefined }), { replace: true });
  };

  // The debounced search goes to the URL (and back to the first page).
  useEffect(() => {
    if (q !== urlQ) go({ q });
  }, [q]);

  const events = useAsync((signal) => listEvents(signal), []);
  const eventNames = useMemo(() => new Map((events.data?.items ?? []).map((e) => [e.id, e.name])), [events.data]);
  const purchases = useAsync(
    (signal) => searchPurchases({ q: urlQ, eventId, status: status || undefined, limit: LIMIT, offset }, signal),
    [urlQ, eventId, status, offset],
  );

  const columns: Column<Purchase>[] = [
    {
      key: 'id',
      header: 'Purchase',
      rowHeader: true,
      render: (p) => (
        <Link to={`/purchases/${p.id}`} aria-label={`Purchase ${shortId(p.id)}`}>
          <code>{shortId(p.id)}</code>
        </Link>
      ),
    },
    {
      key: 'buyer',
      header: 'Buyer',
      render: (p) => (
        <>
          {p.buyerName ?? (p.buyerEmail ? '' : '—')}
          {p.buyerName && p.buyerEmail && <br />}
          {p.buyerEmail && <span className="ts-muted">{p.buyerEmail}</span>}
        </>
      ),
    },
    { key: 'event', header: 'Event', render: (p) => eventNames.get(p.eventId) ?? <code>{shortId(p.eventId)}</code> },
    {
      key: 'total',
      header: 'Total',
      align: 'end',
      render: (p) => (
        <>
          {formatMoney(p.total, p.currency)}
          {p.refundedAmount > 0 && (
            <>
              <br />
              <span className="ts-muted">−{formatMoney(p.refundedAmount, p.currency)}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (p) => <Badge tone={PURCHASE_STATUS_TONES[p.status]}>{PURCHASE_STATUS_LABELS[p.status]}</Badge>,
    },
    { key: 'channel', header: 'Channel', render: (p) => humanize(p.channel) },
    { key: 'date', header: 'Date', render: (p) => formatTimestamp(p.createdAt) },
  ];

  return (
    <>
      <PageHeader title="Purchases" description="Find an order by its id, the buyer's email or name." />
      <form
        role="search"
        className="ts-card ts-form"
        aria-label="Find purchases"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: search.trim() });
        }}
        style={{ marginBottom: 'var(--space-4)' }}
      >
        <div className="ts-grid">
          <TextField
            label="Search purchases"
            type="search"
            placeholder="Id, email or name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Select
            label="Event"
            value={eventId}
            onChange={(event) => go({ event: event.target.value })}
            options={[
              { value: '', label: 'All events' },
              ...(events.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
          <Select
            label="Status"
            value={status}
            onChange={(event) => go({ status: event.target.value })}
            options={[
              { value: '', label: 'Any status' },
              ...STATUSES.map((s) => ({ value: s, label: PURCHASE_STATUS_LABELS[s] })),
            ]}
          />
        </div>
        <div className="ts-cluster">
          <Button type="submit">Search</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setSearch('');
              navigate('/purchases', { replace: true });
            }}
          >
            Clear
          </Button>
        </div>
      </form>
      <ErrorBanner error={purchases.error} />
      {purchases.loading && !purchases.data ? (
        <Loading />
      ) : (
        purchases.data && (
          <>
            <DataTable
              caption="Purchases, newest first"
              columns={columns}
              rows={purchases.data.items}
              rowKey={(p) => p.id}
              busy={purchases.loading}
              empty={<EmptyState title="No purchases match">Change or clear the search and filters.</EmptyState>}
            />
            <Pagination
              limit={LIMIT}
              offset={offset}
              total={purchases.data.total}
              onChange={(next) => go({ offset: next })}
              noun="purchases"
            />
          </>
        )
      )}
    </>
  );
}
