import {
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Pagination,
  Select,
  TextField,
  formatEventDateTime,
  humanize,
  useAsync,
  useDebouncedValue,
  type BadgeTone,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { listEvents, type EventStatus, type EventSummary } from './list-events.js';

const LIMIT = 20;

const STATUS_OPTIONS: { value: EventStatus | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'draft', label: 'Draft' },
  { value: 'on_sale', label: 'On sale' },
  { value: 'sales_closed', label: 'Sales closed' },
  { value: 'completed', label: 'Completed' },
  { value: 'canceled', label: 'Canceled' },
];

const STATUS_TONES: Record<EventStatus, BadgeTone> = {
  draft: 'neutral',
  on_sale: 'success',
  sales_closed: 'warning',
  completed: 'info',
  canceled: 'danger',
};

const COLUMNS: Column<EventSummary>[] = [
  { key: 'name', header: 'Event', rowHeader: true, render: (e) => e.name },
  { key: 'starts', header: 'Starts', render: (e) => formatEventDateTime(e.startsAt, e.timezone) },
  {
    key: 'venue',
    header: 'Venue',
    render: (e) => (e.venue ? [e.venue.name, e.venue.city].filter(Boolean).join(', ') : '—'),
  },
  {
    key: 'status',
    header: 'Status',
    render: (e) => <Badge tone={STATUS_TONES[e.status] ?? 'neutral'}>{humanize(e.status)}</Badge>,
  },
];

export function EventsPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<EventStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const events = useAsync(
    (signal) => listEvents({ q, status: status || undefined, limit: LIMIT, offset }, signal),
    [q, status, offset],
  );

  return (
    <>
      <PageHeader title="Events" description="Every event and its sales status (read-only for now)." />
      <form
        className="ts-cluster"
        role="search"
        onSubmit={(event) => event.preventDefault()}
        style={{ marginBottom: 'var(--space-4)' }}
      >
        <TextField
          label="Search events"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setOffset(0);
          }}
        />
        <Select
          label="Status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as EventStatus | '');
            setOffset(0);
          }}
        />
      </form>
      <ErrorBanner
        error={events.error}
        action={
          <Button variant="secondary" size="sm" onClick={events.reload}>
            Try again
          </Button>
        }
      />
      {events.loading && !events.data ? (
        <Loading />
      ) : (
        events.data && (
          <>
            <DataTable
              caption="Events"
              columns={COLUMNS}
              rows={events.data.items}
              rowKey={(e) => e.id}
              busy={events.loading}
              empty={
                <EmptyState title="No events found">
                  {q || status ? 'Try another search or status.' : 'No events have been created yet.'}
                </EmptyState>
              }
            />
            <Pagination limit={LIMIT} offset={offset} total={events.data.total} onChange={setOffset} noun="events" />
          </>
        )
      )}
    </>
  );
}
