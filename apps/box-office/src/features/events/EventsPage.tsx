import {
  Badge,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Pagination,
  formatEventDateTime,
  humanize,
  useAsync,
  type BadgeTone,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { listEventsFromToday, type EventSummary } from './list-events.js';

const LIMIT = 20;

const STATUS_TONES: Record<EventSummary['status'], BadgeTone> = {
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
  {
    key: 'sell',
    header: <span className="ts-visually-hidden">Actions</span>,
    align: 'end',
    render: (e) => (
      <ButtonLink to={`/?event=${encodeURIComponent(e.id)}`} aria-label={`Sell tickets for ${e.name}`}>
        Sell
      </ButtonLink>
    ),
  },
];

export function EventsPage() {
  const [offset, setOffset] = useState(0);
  const events = useAsync((signal) => listEventsFromToday({ limit: LIMIT, offset }, signal), [offset]);

  return (
    <>
      <PageHeader title="Events" description="Today's and upcoming events." />
      <ErrorBanner error={events.error} />
      {events.loading && !events.data ? (
        <Loading />
      ) : (
        events.data && (
          <>
            <DataTable
              caption="Today's and upcoming events"
              columns={COLUMNS}
              rows={events.data.items}
              rowKey={(e) => e.id}
              busy={events.loading}
              empty={
                <EmptyState title="No events today or later">Events appear here once they are scheduled.</EmptyState>
              }
            />
            <Pagination limit={LIMIT} offset={offset} total={events.data.total} onChange={setOffset} noun="events" />
          </>
        )
      )}
    </>
  );
}
