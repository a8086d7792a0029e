import {
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  formatEventDate,
  formatEventTime,
  useAsync,
} from '@tessera/ui';
import { useState } from 'react';
import { loadStation } from '../../lib/station.js';
import { listUpcomingEvents } from './list-upcoming-events.js';

const LIMIT = 20;

export function ChooseEventPage() {
  const [offset, setOffset] = useState(0);
  const events = useAsync((signal) => listUpcomingEvents({ limit: LIMIT, offset }, signal), [offset]);
  const [station] = useState(loadStation);

  return (
    <>
      <PageHeader title="Choose an event" description="Pick the event at this gate." />
      {station && (
        <Link to={`/scan/${encodeURIComponent(station.eventId)}`} className="scan-event scan-event--resume">
          <span className="scan-event__meta">Continue where this device left off</span>
          <span className="scan-event__name">{station.eventName ?? 'The last event'}</span>
        </Link>
      )}
      <ErrorBanner error={events.error} />
      {events.loading && !events.data ? (
        <Loading>Loading events…</Loading>
      ) : events.data && events.data.items.length === 0 ? (
        <EmptyState title="No events today or later">Events appear here once they are scheduled.</EmptyState>
      ) : (
        events.data && (
          <>
            <ul className="ts-stack" style={{ listStyle: 'none', margin: 0, padding: 0, gap: 'var(--space-3)' }}>
              {events.data.items.map((e) => (
                <li key={e.id}>
                  <Link to={`/scan/${encodeURIComponent(e.id)}`} className="scan-event">
                    <span className="scan-event__name">{e.name}</span>
                    <span className="scan-event__meta">
                      {formatEventDate(e.startsAt, e.timezone)} · {formatEventTime(e.startsAt, e.timezone)}
                      {e.venue && ` · ${e.venue.name}`}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination limit={LIMIT} offset={offset} total={events.data.total} onChange={setOffset} noun="events" />
          </>
        )
      )}
    </>
  );
}
