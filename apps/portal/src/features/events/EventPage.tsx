import {
  Badge,
  ErrorBanner,
  Link,
  Loading,
  formatEventDate,
  formatEventDateTime,
  formatEventTime,
  applyAvailability,
  humanize,
  useAsync,
  useLiveAvailability,
  type BadgeTone,
} from '@tessera/ui';
import { useMemo, useState } from 'react';
import { api } from '../../lib/api.js';
import type { EventSummary } from './list-events.js';
import { getEvent } from './get-event.js';
import { listTicketTypes } from './list-ticket-types.js';
import { TicketsSection } from './TicketsSection.js';
import { UnlockCodeForm } from './UnlockCodeForm.js';
import { VenueDetails } from './VenueDetails.js';

const STATUS_TONES: Partial<Record<EventSummary['status'], BadgeTone>> = {
  sales_closed: 'warning',
  canceled: 'danger',
};

/** The end time alone when the event ends the day it starts, else the end date and time. */
function endLabel(startsAt: string, endsAt: string, timeZone: string): string {
  const sameDay = formatEventDate(startsAt, timeZone) === formatEventDate(endsAt, timeZone);
  return sameDay ? formatEventTime(endsAt, timeZone) : formatEventDateTime(endsAt, timeZone);
}

function EventImage({ src, alt }: { src: string; alt: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <img
      src={src}
      alt={alt}
      onError={() => setFailed(true)}
      style={{ width: '100%', maxHeight: '22rem', objectFit: 'cover', borderRadius: 'var(--radius-lg)' }}
    />
  );
}

export function EventPage({ id }: { id: string }) {
  const [code, setCode] = useState('');
  const event = useAsync((signal) => getEvent(id, signal), [id]);
  const types = useAsync((signal) => listTicketTypes(id, code || undefined, signal), [id, code]);
  const live = useLiveAvailability(api, id);
  const taken = useMemo(() => (live.availability ? new Set(live.availability.takenSeats) : null), [live.availability]);
  const held = useMemo(() => new Set(live.availability?.heldSeats ?? []), [live.availability]);
  const liveTypes = useMemo(
    () => (types.data ? applyAvailability(types.data.items, live.availability) : []),
    [types.data, live.availability],
  );

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
  const unlocked = types.data?.items.filter((t) => t.hidden).length ?? 0;
  const codeResult =
    code && types.data && !types.loading
      ? unlocked > 0
        ? `Your code unlocked ${unlocked} ticket ${unlocked === 1 ? 'type' : 'types'}.`
        : 'This code does not unlock any tickets for this event; a promo code shows its discount with your choice.'
      : undefined;
  return (
    <article className="ts-stack" style={{ gap: 'var(--space-5)' }}>
      <p style={{ margin: 0 }}>
        <Link to="/">← All events</Link>
      </p>
      {e.imageUrl && <EventImage src={e.imageUrl} alt={e.name} />}
      <header className="ts-stack" style={{ gap: 'var(--space-2)' }}>
        <h1 style={{ margin: 0 }}>{e.name}</h1>
        {e.status !== 'on_sale' && (
          <p style={{ margin: 0 }}>
            <Badge tone={STATUS_TONES[e.status] ?? 'neutral'}>{humanize(e.status)}</Badge>
            {e.status === 'canceled' && e.cancelReason && <span className="ts-muted"> {e.cancelReason}</span>}
          </p>
        )}
        <dl className="ts-details" style={{ margin: 0 }}>
          <dt>When</dt>
          <dd>
            <time dateTime={e.startsAt}>{formatEventDateTime(e.startsAt, e.timezone)}</time>
            {e.endsAt && <> – {endLabel(e.startsAt, e.endsAt, e.timezone)}</>}
            <span className="ts-muted"> (local time at the venue, {e.timezone})</span>
          </dd>
          {e.doorsAt && (
            <>
              <dt>Doors open</dt>
              <dd>
                <time dateTime={e.doorsAt}>{formatEventTime(e.doorsAt, e.timezone)}</time>
              </dd>
            </>
          )}
          {e.venue && (
            <>
              <dt>Where</dt>
              <dd>
                <VenueDetails venue={e.venue} />
              </dd>
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
          types.data && (
            <TicketsSection
              event={e}
              types={liveTypes}
              taken={taken}
              held={held}
              source={live.source}
              refresh={live.refresh}
              promoCode={code}
            />
          )
        )}
        <UnlockCodeForm code={code} onApply={setCode} result={codeResult} />
      </section>
    </article>
  );
}
