import {
  Badge,
  Button,
  ButtonLink,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  formatEventDateTime,
  formatTimestamp,
  navigate,
  useAsync,
} from '@tessera/ui';
import { useState, type ReactNode } from 'react';
import { EVENT_STATUS_LABELS, EVENT_STATUS_TONES } from '../../lib/status.js';
import { EventForm } from './EventForm.js';
import { EventLifecycle } from './EventLifecycle.js';
import { getEvent, type EventDetail } from './get-event.js';
import { RefundProgressPanel } from './RefundProgressPanel.js';

export interface EventEditorPageProps {
  /** The event to edit; without it the page creates a new draft. */
  id?: string;
  /** What the page shows under a saved event (its ticket types). */
  renderBelow?: (event: EventDetail) => ReactNode;
}

function Back() {
  return (
    <p style={{ margin: '0 0 var(--space-3)' }}>
      <Link to="/events">← All events</Link>
    </p>
  );
}

export function EventEditorPage({ id, renderBelow }: EventEditorPageProps) {
  if (!id) {
    return (
      <>
        <Back />
        <PageHeader title="New event" description="Events start as drafts; publish one to put it on sale." />
        <section className="ts-card">
          <EventForm onSaved={(created) => navigate(`/events/${created.id}`, { replace: true })} />
        </section>
      </>
    );
  }
  return <ExistingEvent id={id} renderBelow={renderBelow} />;
}

function ExistingEvent({ id, renderBelow }: { id: string; renderBelow?: (event: EventDetail) => ReactNode }) {
  const loaded = useAsync((signal) => getEvent(id, signal), [id]);
  // The latest answer of a save or status change, until the next load.
  const [latest, setLatest] = useState<EventDetail | null>(null);
  const event = latest ?? loaded.data;

  if (loaded.loading && !event) return <Loading>Loading the event…</Loading>;
  if (!event) {
    return (
      <>
        <Back />
        <ErrorBanner
          error={loaded.error}
          title="This event could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={loaded.reload}>
              Try again
            </Button>
          }
        />
      </>
    );
  }

  const locked = event.status === 'canceled' || event.status === 'completed';
  return (
    <>
      <Back />
      <PageHeader
        title={event.name}
        description={
          <>
            {formatEventDateTime(event.startsAt, event.timezone)}
            {event.venue && ` · ${event.venue.name}`}
            {event.publishedAt && ` · published ${formatTimestamp(event.publishedAt)}`}
          </>
        }
        actions={
          <>
            <span data-testid="event-status">
              <Badge tone={EVENT_STATUS_TONES[event.status]}>{EVENT_STATUS_LABELS[event.status]}</Badge>
            </span>
            <ButtonLink variant="secondary" to={`/events/${event.id}/entry`}>
              Entry
            </ButtonLink>
          </>
        }
      />
      <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
        <EventLifecycle event={event} onChanged={setLatest} />
        {event.status === 'canceled' && <RefundProgressPanel eventId={event.id} />}
        <section className="ts-card" aria-labelledby="event-details-title">
          <h2 id="event-details-title">Details</h2>
          {locked && (
            <p className="ts-muted">A {EVENT_STATUS_LABELS[event.status].toLowerCase()} event cannot be edited.</p>
          )}
          <EventForm key={event.id} event={event} disabled={locked} onSaved={(saved) => setLatest(saved)} />
        </section>
        {renderBelow?.(event)}
      </div>
    </>
  );
}
