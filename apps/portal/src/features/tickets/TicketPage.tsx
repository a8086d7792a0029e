import { ApiProblem } from '@tessera/api-client';
import {
  Badge,
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  formatEventDateTime,
  formatMoney,
  navigate,
  useAsync,
  useSession,
  withQuery,
} from '@tessera/ui';
import { TICKET_STATUS } from '../../lib/status.js';
import { hasUncheckedSession } from '../../lib/saved-tickets.js';
import { useEventsById } from '../../lib/use-events.js';
import { loadTicket } from './get-my-ticket.js';
import { OfflineNotice } from './OfflineNotice.js';
import { TicketCopies } from './TicketCopies.js';
import { eventsToLoad, seatText, ticketEvent, whenAndWhere } from './ticket-event.js';
import { TicketQr } from './TicketQr.js';
import { TransferForm } from './TransferForm.js';
import './tickets.css';

/** `/tickets/:id`: one ticket, its QR code for the gate, copies and transfer. */
export function TicketPage({ id }: { id: string }) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading>Restoring your session…</Loading>;
  if (!user && !hasUncheckedSession()) {
    return (
      <EmptyState
        title="Sign in to see this ticket"
        action={<ButtonLink to={withQuery('/sign-in', { next: `/tickets/${id}` })}>Sign in</ButtonLink>}
      />
    );
  }
  return <TicketView id={id} email={user?.email ?? null} />;
}

const shortId = (id: string) => id.slice(0, 8).toUpperCase();

function TicketView({ id, email }: { id: string; email: string | null }) {
  const view = useAsync((signal) => loadTicket(id, signal), [id]);
  const events = useEventsById(view.data ? eventsToLoad([view.data.ticket]) : []);

  if (view.loading && !view.data) return <Loading>Loading your ticket…</Loading>;
  if (!view.data) {
    if (view.error instanceof ApiProblem && (view.error.status === 404 || view.error.status === 403)) {
      return (
        <EmptyState title="Ticket not found" action={<ButtonLink to="/tickets">My tickets</ButtonLink>}>
          It may have been transferred, or the link is mistyped.
        </EmptyState>
      );
    }
    if (view.error instanceof ApiProblem && view.error.status === 401) {
      return (
        <EmptyState
          title="Sign in to see this ticket"
          action={<ButtonLink to={withQuery('/sign-in', { next: `/tickets/${id}` })}>Sign in</ButtonLink>}
        />
      );
    }
    return <ErrorBanner error={view.error} title="This ticket could not be loaded" />;
  }

  const { ticket, detail, saved } = view.data;
  const event = ticketEvent(ticket, events.get(ticket.eventId));
  const status = TICKET_STATUS[ticket.status];
  const valid = ticket.status === 'valid';
  return (
    <>
      <p style={{ margin: '0 0 var(--space-3)' }}>
        <Link to="/tickets">← My tickets</Link>
      </p>
      <PageHeader
        title={event?.name ?? 'Your ticket'}
        description={event ? whenAndWhere(event) : undefined}
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <div className="ticket-view">
        <div className="ts-stack ticket-view__main">
          {saved && <OfflineNotice onRetry={view.reload} />}
          {valid && ticket.blocked && (
            <p className="ts-alert ts-alert--warning" role="status" style={{ margin: 0 }} data-testid="ticket-blocked">
              The organiser has put this ticket on hold: it will not get you in until they lift the hold. Contact
              support about it.
            </p>
          )}
          <section className="ts-card" aria-label="Ticket code">
            {!valid ? (
              <p className="ts-alert ts-alert--warning" style={{ margin: 0 }}>
                This ticket is {status.label.toLowerCase()}; its code no longer gets you in.
              </p>
            ) : ticket.code ? (
              <TicketQr code={ticket.code} label={`QR code for ticket ${shortId(ticket.id)}`} />
            ) : (
              <p className="ts-muted" style={{ margin: 0 }}>
                The code to show at the gate appears here once the ticket is issued. Check back in a minute.
              </p>
            )}
          </section>
        </div>
        <div className="ts-stack ticket-view__side">
          <section className="ts-card" aria-labelledby="ticket-details-title">
            <h2 id="ticket-details-title">{ticket.ticketTypeName}</h2>
            <dl className="ts-details" data-testid="ticket-details">
              <dt>Seat</dt>
              <dd>{seatText(ticket.seat)}</dd>
              {ticket.holderName && (
                <>
                  <dt>Holder</dt>
                  <dd>{ticket.holderName}</dd>
                </>
              )}
              {event && (
                <>
                  <dt>When</dt>
                  <dd>{formatEventDateTime(event.startsAt, event.timezone)}</dd>
                </>
              )}
              {event?.venueName && (
                <>
                  <dt>Where</dt>
                  <dd>{[event.venueName, event.venueAddress].filter(Boolean).join(', ')}</dd>
                </>
              )}
              <dt>Price</dt>
              <dd>{formatMoney(ticket.price, ticket.currency)}</dd>
              <dt>Ticket</dt>
              <dd>
                <code>{shortId(ticket.id)}</code> · <Link to={`/orders/${ticket.purchaseId}`}>Order</Link>
              </dd>
            </dl>
          </section>
          {valid &&
            (detail ? (
              <>
                <TicketCopies ticketId={ticket.id} email={email} />
                {detail.transferable ? (
                  <TransferForm
                    ticketId={ticket.id}
                    onTransferred={(to) => navigate(withQuery('/tickets', { transferred: to }))}
                  />
                ) : (
                  <p className="ts-muted" style={{ margin: 0 }}>
                    This ticket can no longer be transferred.
                  </p>
                )}
              </>
            ) : (
              <p className="ts-muted" style={{ margin: 0 }}>
                Downloading, emailing and transferring the ticket need a connection.
              </p>
            ))}
        </div>
      </div>
    </>
  );
}
