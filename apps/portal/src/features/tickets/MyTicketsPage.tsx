import {
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  formatEventDateTime,
  useAsync,
  useSession,
} from '@tessera/ui';
import { TicketCard, type Ticket } from '../../lib/TicketCard.js';
import { useEventsById, type EventInfo } from '../../lib/use-events.js';
import { listMyTickets } from './list-my-tickets.js';

export function MyTicketsPage() {
  const { status, user } = useSession();
  return (
    <>
      <PageHeader title="My tickets" />
      {status === 'restoring' ? (
        <Loading />
      ) : user ? (
        <Tickets />
      ) : (
        <EmptyState
          title="Sign in to see your tickets"
          action={<ButtonLink to="/sign-in?next=/tickets">Sign in</ButtonLink>}
        >
          Your tickets will appear here after purchase.
        </EmptyState>
      )}
    </>
  );
}

interface Group {
  eventId: string;
  event: EventInfo | undefined;
  tickets: Ticket[];
}

/** Tickets by event, soonest event first (events not loaded yet go last). */
function groupByEvent(tickets: readonly Ticket[], events: ReadonlyMap<string, EventInfo>): Group[] {
  const groups = new Map<string, Group>();
  for (const ticket of tickets) {
    const group = groups.get(ticket.eventId) ?? {
      eventId: ticket.eventId,
      event: events.get(ticket.eventId),
      tickets: [],
    };
    group.tickets.push(ticket);
    groups.set(ticket.eventId, group);
  }
  const start = (g: Group) => (g.event ? Date.parse(g.event.startsAt) : Number.MAX_SAFE_INTEGER);
  return [...groups.values()].sort((a, b) => start(a) - start(b));
}

function Tickets() {
  const tickets = useAsync((signal) => listMyTickets(signal), []);
  const events = useEventsById(tickets.data?.items.map((t) => t.eventId) ?? []);

  if (tickets.loading && !tickets.data) return <Loading>Loading your tickets…</Loading>;
  if (!tickets.data) return <ErrorBanner error={tickets.error} />;
  if (tickets.data.items.length === 0) {
    return (
      <EmptyState title="No tickets yet" action={<ButtonLink to="/">Browse events</ButtonLink>}>
        Your tickets will appear here after purchase.
      </EmptyState>
    );
  }
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-6)' }}>
      {groupByEvent(tickets.data.items, events).map((group) => (
        <section key={group.eventId} aria-labelledby={`event-${group.eventId}`} className="ts-stack">
          <div>
            <h2 id={`event-${group.eventId}`} style={{ margin: 0 }}>
              {group.event ? <Link to={`/events/${group.eventId}`}>{group.event.name}</Link> : 'Event'}
            </h2>
            {group.event && (
              <p className="ts-muted" style={{ margin: 0 }}>
                {formatEventDateTime(group.event.startsAt, group.event.timezone)}
                {group.event.venue && ` · ${group.event.venue.name}`}
              </p>
            )}
          </div>
          <ul
            className="ts-grid"
            aria-label={`Tickets for ${group.event?.name ?? 'this event'}`}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {group.tickets.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} />
            ))}
          </ul>
        </section>
      ))}
      {tickets.data.total > tickets.data.items.length && (
        <p className="ts-muted">
          Showing your {tickets.data.items.length} most recent tickets of {tickets.data.total}.
        </p>
      )}
    </div>
  );
}
