import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  TextField,
  formatEventDateTime,
  useAsync,
  useDebouncedValue,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { EVENT_STATUS_LABELS, EVENT_STATUS_TONES } from '../../lib/status.js';
import { listEvents, type EventStatus, type EventSummary } from './list-events.js';

const LIMIT = 20;

const TABS: { value: EventStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'on_sale', label: 'On sale' },
  { value: 'sales_closed', label: 'Sales closed' },
  { value: 'completed', label: 'Completed' },
  { value: 'canceled', label: 'Canceled' },
];

const COLUMNS: Column<EventSummary>[] = [
  {
    key: 'name',
    header: 'Event',
    rowHeader: true,
    render: (e) => <Link to={`/events/${e.id}`}>{e.name}</Link>,
  },
  { key: 'starts', header: 'Starts', render: (e) => formatEventDateTime(e.startsAt, e.timezone) },
  {
    key: 'venue',
    header: 'Venue',
    render: (e) => (e.venue ? [e.venue.name, e.venue.city].filter(Boolean).join(', ') : '—'),
  },
  {
    key: 'status',
    header: 'Status',
    render: (e) => <Badge tone={EVENT_STATUS_TONES[e.status] ?? 'neutral'}>{EVENT_STATUS_LABELS[e.status]}</Badge>,
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
      <PageHeader
        title="Events"
        description="Every event, drafts included. Open one to edit it, sell it or change its status."
        actions={<ButtonLink to="/events/new">New event</ButtonLink>}
      />
      <div className="ts-cluster" role="group" aria-label="Filter by status" style={{ marginBottom: 'var(--space-3)' }}>
        {TABS.map((tab) => (
          <Button
            key={tab.value || 'all'}
            size="sm"
            variant={status === tab.value ? 'primary' : 'secondary'}
            aria-pressed={status === tab.value}
            onClick={() => {
              setStatus(tab.value);
              setOffset(0);
            }}
          >
            {tab.label}
          </Button>
        ))}
      </div>
      <form role="search" onSubmit={(event) => event.preventDefault()} style={{ marginBottom: 'var(--space-4)' }}>
        <TextField
          label="Search events"
          type="search"
          hint="Name, description, venue or city"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
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
