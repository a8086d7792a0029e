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
  formatTimestamp,
  useAsync,
  useSession,
  withQuery,
} from '@tessera/ui';
import { useEffect } from 'react';
import { PURCHASE_STATUS } from '../../lib/status.js';
import { TicketCard } from '../../lib/TicketCard.js';
import { useEventsById } from '../../lib/use-events.js';
import { getPurchase, type Purchase } from '../../lib/payments/purchases.js';
import { CompletePayment } from './CompletePayment.js';

const PENDING_POLL_MS = 2_000;

function heading(purchase: Purchase): string {
  if (purchase.status === 'paid') return 'Order confirmed';
  if (purchase.status === 'pending_payment') return 'Waiting for your payment';
  return `Order ${PURCHASE_STATUS[purchase.status].label.toLowerCase()}`;
}

/** `/orders/:id`: the confirmation after checkout, and any order later. */
export function OrderPage({ id }: { id: string }) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading>Restoring your session…</Loading>;
  if (!user) {
    return (
      <EmptyState
        title="Sign in to see this order"
        action={<ButtonLink to={withQuery('/sign-in', { next: `/orders/${id}` })}>Sign in</ButtonLink>}
      />
    );
  }
  return <Order id={id} />;
}

function Order({ id }: { id: string }) {
  const purchase = useAsync((signal) => getPurchase(id, signal), [id]);
  const events = useEventsById(purchase.data ? [purchase.data.eventId] : []);
  const pending = purchase.data?.status === 'pending_payment';
  const { reload } = purchase;

  // A card payment is confirmed by the provider shortly after; ask again until it is.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, reload, purchase.data]);

  if (purchase.loading && !purchase.data) return <Loading>Loading your order…</Loading>;
  if (!purchase.data) return <ErrorBanner error={purchase.error} title="This order could not be loaded" />;
  const p = purchase.data;
  const event = events.get(p.eventId);
  const state = PURCHASE_STATUS[p.status];
  return (
    <>
      <PageHeader
        title={heading(p)}
        description={
          p.status === 'paid' ? 'Your tickets are below and under My tickets. Show the code at the gate.' : undefined
        }
        actions={<Badge tone={state.tone}>{state.label}</Badge>}
      />
      <div className="ts-stack" style={{ gap: 'var(--space-5)', maxWidth: '44rem' }}>
        <section className="ts-card" aria-labelledby="order-title">
          <h2 id="order-title">{event ? <Link to={`/events/${event.id}`}>{event.name}</Link> : 'Your order'}</h2>
          <dl className="ts-details">
            {event && (
              <>
                <dt>When</dt>
                <dd>{formatEventDateTime(event.startsAt, event.timezone)}</dd>
              </>
            )}
            <dt>Order</dt>
            <dd>
              <code>{p.id}</code>
            </dd>
            <dt>Total</dt>
            <dd data-testid="order-total">
              {formatMoney(p.total, p.currency)}
              {p.refundedAmount > 0 && ` (${formatMoney(p.refundedAmount, p.currency)} refunded)`}
            </dd>
            <dt>Paid</dt>
            <dd>{p.paidAt ? formatTimestamp(p.paidAt) : '—'}</dd>
          </dl>
        </section>
        {pending &&
          (p.payment.method === 'stripe' ? (
            <CompletePayment purchase={p} onChanged={reload} />
          ) : (
            <Loading>Waiting for the payment to be confirmed…</Loading>
          ))}
        {p.tickets.length > 0 && (
          <section aria-labelledby="tickets-title" className="ts-stack">
            <h2 id="tickets-title" style={{ margin: 0 }}>
              {p.tickets.length === 1 ? '1 ticket' : `${p.tickets.length} tickets`}
            </h2>
            <ul className="ts-stack" aria-label="Tickets" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {p.tickets.map((ticket) => (
                <TicketCard key={ticket.id} ticket={ticket} />
              ))}
            </ul>
          </section>
        )}
        <p className="ts-cluster" style={{ margin: 0 }}>
          <ButtonLink to="/tickets" variant="secondary">
            My tickets
          </ButtonLink>
          <ButtonLink to="/orders" variant="ghost">
            My orders
          </ButtonLink>
        </p>
      </div>
    </>
  );
}
