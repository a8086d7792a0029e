import {
  Badge,
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  formatMoney,
  formatTimestamp,
  useAsync,
  useSession,
} from '@tessera/ui';
import { useState } from 'react';
import { PURCHASE_STATUS } from '../../lib/status.js';
import { useEventsById } from '../../lib/use-events.js';
import { listMyPurchases } from './list-my-purchases.js';

const LIMIT = 20;

export function MyOrdersPage() {
  const { status, user } = useSession();
  return (
    <>
      <PageHeader title="My orders" />
      {status === 'restoring' ? (
        <Loading />
      ) : user ? (
        <Orders />
      ) : (
        <EmptyState
          title="Sign in to see your orders"
          action={<ButtonLink to="/sign-in?next=/orders">Sign in</ButtonLink>}
        />
      )}
    </>
  );
}

function Orders() {
  const [offset, setOffset] = useState(0);
  const orders = useAsync((signal) => listMyPurchases({ limit: LIMIT, offset }, signal), [offset]);
  const events = useEventsById(orders.data?.items.map((o) => o.eventId) ?? []);

  if (orders.loading && !orders.data) return <Loading>Loading your orders…</Loading>;
  if (!orders.data) return <ErrorBanner error={orders.error} />;
  if (orders.data.items.length === 0) {
    return (
      <EmptyState title="No orders yet" action={<ButtonLink to="/">Browse events</ButtonLink>}>
        Orders appear here after checkout.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="ts-stack" aria-label="Orders" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {orders.data.items.map((order) => {
          const state = PURCHASE_STATUS[order.status];
          const tickets = order.tickets.length || order.items.reduce((n, i) => n + i.quantity, 0);
          return (
            <li key={order.id} className="ts-card" style={{ padding: 'var(--space-4)' }}>
              <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
                <div className="ts-stack" style={{ gap: 'var(--space-1)' }}>
                  <h2 style={{ margin: 0, fontSize: 'var(--text-lg)' }}>
                    <Link to={`/orders/${order.id}`}>{events.get(order.eventId)?.name ?? 'Order'}</Link>
                  </h2>
                  <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
                    {formatTimestamp(order.createdAt)} · {tickets} {tickets === 1 ? 'ticket' : 'tickets'}
                  </p>
                </div>
                <div className="ts-cluster" style={{ alignItems: 'center' }}>
                  <strong>{formatMoney(order.total, order.currency)}</strong>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <Pagination limit={LIMIT} offset={offset} total={orders.data.total} onChange={setOffset} noun="orders" />
    </>
  );
}
