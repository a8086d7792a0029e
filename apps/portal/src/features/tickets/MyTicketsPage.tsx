import { ApiProblem } from '@tessera/api-client';
import {
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  useAsync,
  useRoute,
  useSession,
} from '@tessera/ui';
import { hasUncheckedSession, useServiceWorkerTakeover } from '../../lib/saved-tickets.js';
import { useEventsById } from '../../lib/use-events.js';
import { listMyTickets, type Ticket } from './list-my-tickets.js';
import { OfflineNotice } from './OfflineNotice.js';
import { eventsToLoad, groupByEvent, whenAndWhere } from './ticket-event.js';
import { TicketListCard } from './TicketListCard.js';
import './tickets.css';

function SignInPrompt() {
  return (
    <EmptyState
      title="Sign in to see your tickets"
      action={<ButtonLink to="/sign-in?next=/tickets">Sign in</ButtonLink>}
    >
      Your tickets will appear here after purchase.
    </EmptyState>
  );
}

/** `/tickets`: the customer's tickets by event, kept for offline use at the gate. */
export function MyTicketsPage() {
  const { status, user } = useSession();
  const { query } = useRoute();
  const transferredTo = query.get('transferred');
  return (
    <>
      <PageHeader title="My tickets" />
      {transferredTo && (
        <div className="ts-alert ts-alert--success" role="status" style={{ marginBottom: 'var(--space-4)' }}>
          <p className="ts-alert__title">Ticket transferred to {transferredTo}</p>
          <p>They get a new ticket by email. Yours is revoked and no longer gets in.</p>
        </div>
      )}
      {status === 'restoring' ? (
        <Loading />
      ) : user || hasUncheckedSession() ? (
        // Offline at start-up the session cannot be checked; the saved list still shows.
        <Tickets />
      ) : (
        <SignInPrompt />
      )}
    </>
  );
}

/** Valid tickets first, each group otherwise in the API's order (newest first). */
function byUsefulness(tickets: readonly Ticket[]): Ticket[] {
  return [...tickets].sort((a, b) => Number(b.status === 'valid') - Number(a.status === 'valid'));
}

function Tickets() {
  const tickets = useAsync((signal) => listMyTickets(signal), []);
  const events = useEventsById(eventsToLoad(tickets.data?.items ?? []));
  useServiceWorkerTakeover(tickets.reload);

  if (tickets.loading && !tickets.data) return <Loading>Loading your tickets…</Loading>;
  if (!tickets.data) {
    if (tickets.error instanceof ApiProblem && tickets.error.status === 401) return <SignInPrompt />;
    return <ErrorBanner error={tickets.error} title="Your tickets could not be loaded" />;
  }
  const { items, total, saved } = tickets.data;
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-6)' }}>
      {saved && <OfflineNotice onRetry={tickets.reload} />}
      {items.length === 0 ? (
        <EmptyState title="No tickets yet" action={<ButtonLink to="/">Browse events</ButtonLink>}>
          Your tickets will appear here after purchase.
        </EmptyState>
      ) : (
        groupByEvent(items, events).map((group) => (
          <section key={group.eventId} aria-labelledby={`event-${group.eventId}`} className="ts-stack">
            <div>
              <h2 id={`event-${group.eventId}`} style={{ margin: 0 }}>
                {group.event ? <Link to={`/events/${group.eventId}`}>{group.event.name}</Link> : 'Event'}
              </h2>
              {group.event && (
                <p className="ts-muted" style={{ margin: 0 }}>
                  {whenAndWhere(group.event)}
                </p>
              )}
            </div>
            <ul
              className="ticket-list"
              aria-label={`Tickets for ${group.event?.name ?? 'this event'}`}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {byUsefulness(group.tickets).map((ticket) => (
                <TicketListCard key={ticket.id} ticket={ticket} />
              ))}
            </ul>
          </section>
        ))
      )}
      {total > items.length && (
        <p className="ts-muted">
          Showing your {items.length} most recent tickets of {total}.
        </p>
      )}
    </div>
  );
}
