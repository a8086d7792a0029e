import {
  Button,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Pagination,
  TextField,
  useAsync,
  useDebouncedValue,
} from '@tessera/ui';
import { useState } from 'react';
import { EventCard } from './EventCard.js';
import { listUpcomingEvents } from './list-events.js';

const LIMIT = 12;

export function EventsPage() {
  const [from] = useState(() => new Date().toISOString());
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 350);
  const events = useAsync((signal) => listUpcomingEvents({ q, from, limit: LIMIT, offset }, signal), [q, from, offset]);

  return (
    <>
      <PageHeader title="Upcoming events" description="Find an event and get your tickets." />
      <form role="search" onSubmit={(event) => event.preventDefault()} style={{ marginBottom: 'var(--space-5)' }}>
        <TextField
          label="Search events"
          type="search"
          placeholder="Team, artist or venue"
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
        <Loading>Loading events…</Loading>
      ) : events.data && events.data.items.length === 0 ? (
        <EmptyState title={q ? 'No events match your search' : 'No upcoming events'}>
          {q ? 'Try a different name, team or venue.' : 'New events are announced here. Check back soon.'}
        </EmptyState>
      ) : (
        events.data && (
          <>
            <section aria-label="Events" aria-busy={events.loading || undefined} className="ts-grid">
              {events.data.items.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </section>
            <Pagination limit={LIMIT} offset={offset} total={events.data.total} onChange={setOffset} noun="events" />
          </>
        )
      )}
    </>
  );
}
