import {
  Badge,
  Button,
  ErrorBanner,
  Link,
  Loading,
  formatEventDate,
  formatEventDateTime,
  formatEventTime,
  humanize,
  useAsync,
} from '@tessera/ui';
import { getEvent } from './get-event.js';
import { listTicketTypes } from './list-ticket-types.js';
import { TicketTypeList } from './TicketTypeList.js';

/** The end time alone when the event ends the day it starts, else the end date and time. */
function endLabel(startsAt: string, endsAt: string, timeZone: string): string {
  const sameDay = formatEventDate(startsAt, timeZone) === formatEventDate(endsAt, timeZone);
  return sameDay ? formatEventTime(endsAt, timeZone) : formatEventDateTime(endsAt, timeZone);
}

export function EventPage({ id }: { id: string }) {
  const event = useAsync((signal) => getEvent(id, signal), [id]);
  const types = useAsync((signal) => listTicketTypes(id, signal), [id]);

  if (event.loading && !event.data) return <Loading>Loading the event…</Loading>;
  if (event.error || !event.data) {
    return (
      <>
        <ErrorBanner error={event.error} title="This event could not be shown" />
        <p style={{ marginTop: 'var(--space-4)' }}>
          <Link to="/">Back to all events</Link>
        </p>
      </>
    );
  }

  const e = event.data;
  const venue = e.venue ? [e.venue.name, e.venue.city].filter(Boolean).join(', ') : null;
  return (
    <article className="ts-stack" style={{ gap: 'var(--space-5)' }}>
      <p style={{ margin: 0 }}>
        <Link to="/">← All events</Link>
      </p>
      <header className="ts-stack" style={{ gap: 'var(--space-2)' }}>
        <h1 style={{ margin: 0 }}>{e.name}</h1>
        {e.status !== 'on_sale' && (
          <p style={{ margin: 0 }}>
            <Badge tone={e.status === 'canceled' ? 'danger' : 'neutral'}>{humanize(e.status)}</Badge>
          </p>
        )}
        <dl className="ts-details" style={{ margin: 0 }}>
          <dt>When</dt>
          <dd>
            <time dateTime={e.startsAt}>{formatEventDateTime(e.startsAt, e.timezone)}</time>
            {e.endsAt && <> – {endLabel(e.startsAt, e.endsAt, e.timezone)}</>}
            <span className="ts-muted"> (local time at the venue, {e.timezone})</span>
          </dd>
          {venue && (
            <>
              <dt>Where</dt>
              <dd>{venue}</dd>
            </>
          )}
        </dl>
      </header>
      {e.description && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{e.description}</p>
        </section>
      )}
      <section aria-labelledby="tickets-title" className="ts-stack">
        <h2 id="tickets-title" style={{ margin: 0 }}>
          Tickets
        </h2>
        <ErrorBanner error={types.error} title="Tickets could not be loaded" />
        {types.loading && !types.data ? (
          <Loading>Loading tickets…</Loading>
        ) : (
          types.data && <TicketTypeList types={types.data.items} />
        )}
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <Button size="lg" disabled aria-describedby="checkout-note">
            Buy
          </Button>
          <p id="checkout-note" className="ts-muted" style={{ margin: 0 }}>
            Checkout opens soon
          </p>
        </div>
      </section>
    </article>
  );
}
