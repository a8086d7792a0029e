import { Badge, Link, formatEventDate, formatEventTime, humanize, type BadgeTone } from '@tessera/ui';
import type { EventSummary } from './list-events.js';

const STATUS_TONES: Partial<Record<EventSummary['status'], BadgeTone>> = {
  sales_closed: 'warning',
  canceled: 'danger',
};

export function EventCard({ event }: { event: EventSummary }) {
  const venue = event.venue ? [event.venue.name, event.venue.city].filter(Boolean).join(', ') : null;
  return (
    <article className="ts-card ts-stack" style={{ gap: 'var(--space-2)' }}>
      <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)', fontWeight: 600 }}>
        <time dateTime={event.startsAt}>
          {formatEventDate(event.startsAt, event.timezone)} · {formatEventTime(event.startsAt, event.timezone)}
        </time>
      </p>
      <h2 style={{ fontSize: 'var(--text-lg)', margin: 0 }}>
        <Link to={`/events/${event.id}`}>{event.name}</Link>
      </h2>
      {venue && (
        <p className="ts-muted" style={{ margin: 0 }}>
          {venue}
        </p>
      )}
      {event.status !== 'on_sale' && (
        <p style={{ margin: 0 }}>
          <Badge tone={STATUS_TONES[event.status] ?? 'neutral'}>{humanize(event.status)}</Badge>
        </p>
      )}
    </article>
  );
}
