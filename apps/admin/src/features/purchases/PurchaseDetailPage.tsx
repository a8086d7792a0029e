import {
  Badge,
  Button,
  DataTable,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  formatEventDateTime,
  formatMoney,
  formatTimestamp,
  hasAnyRole,
  humanize,
  useAsync,
  useSession,
  type Column,
} from '@tessera/ui';
import { useMemo, useState } from 'react';
import { PURCHASE_STATUS_LABELS, PURCHASE_STATUS_TONES, TICKET_STATUS_TONES } from '../../lib/status.js';
import { getEvent } from './get-event.js';
import { getPurchase } from './get-purchase.js';
import { getPurchaseHistory } from './get-purchase-history.js';
import { listTicketTypes } from './list-ticket-types.js';
import { PurchaseHistory } from './PurchaseHistory.js';
import { shortId } from './PurchasesPage.js';
import { RefundForm } from './RefundForm.js';
import { TicketBlockControl } from './TicketBlockControl.js';
import type { Purchase } from './search-purchases.js';

type Ticket = Purchase['tickets'][number];
type Item = Purchase['items'][number];

const REFUNDABLE: Purchase['status'][] = ['paid', 'partially_refunded'];
const BLOCKERS = ['event_manager', 'support_agent'] as const;

/** `/purchases/:id`: items, tickets, payment, the history and refunds. */
export function PurchaseDetailPage({ id }: { id: string }) {
  const loaded = useAsync((signal) => getPurchase(id, signal), [id]);
  const history = useAsync((signal) => getPurchaseHistory(id, signal), [id]);
  const [latest, setLatest] = useState<Purchase | null>(null);
  const purchase = latest ?? loaded.data;
  const eventId = purchase?.eventId ?? null;
  const event = useAsync((signal) => (eventId ? getEvent(eventId, signal) : Promise.resolve(null)), [eventId]);
  const types = useAsync((signal) => (eventId ? listTicketTypes(eventId, signal) : Promise.resolve(null)), [eventId]);
  const typeNames = useMemo(() => new Map((types.data?.items ?? []).map((t) => [t.id, t.name])), [types.data]);
  const { user } = useSession();
  const mayBlock = hasAnyRole(user, ['admin', ...BLOCKERS]);

  const back = (
    <p style={{ margin: '0 0 var(--space-3)' }}>
      <Link to="/purchases">← Purchases</Link>
    </p>
  );
  if (loaded.loading && !purchase) return <Loading>Loading the purchase…</Loading>;
  if (!purchase) {
    return (
      <>
        {back}
        <ErrorBanner
          error={loaded.error}
          title="This purchase could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={loaded.reload}>
              Try again
            </Button>
          }
        />
      </>
    );
  }

  const p = purchase;
  const money = (minor: number) => formatMoney(minor, p.currency);
  const itemColumns: Column<Item>[] = [
    { key: 'type', header: 'Ticket type', rowHeader: true, render: (i) => typeNames.get(i.ticketTypeId) ?? '—' },
    { key: 'seat', header: 'Seat', render: (i) => (i.seatId ? 'Reserved' : 'General admission') },
    { key: 'quantity', header: 'Quantity', align: 'end', render: (i) => i.quantity },
    { key: 'unit', header: 'Unit price', align: 'end', render: (i) => money(i.unitPrice) },
    { key: 'line', header: 'Line total', align: 'end', render: (i) => money(i.unitPrice * i.quantity) },
  ];
  const ticketColumns: Column<Ticket>[] = [
    { key: 'id', header: 'Ticket', rowHeader: true, render: (t) => <code>{shortId(t.id)}</code> },
    { key: 'type', header: 'Type', render: (t) => t.ticketTypeName },
    {
      key: 'seat',
      header: 'Seat',
      render: (t) => (t.seat ? `${t.seat.section} row ${t.seat.row} seat ${t.seat.label}` : '—'),
    },
    { key: 'price', header: 'Price', align: 'end', render: (t) => money(t.price) },
    {
      key: 'status',
      header: 'Status',
      render: (t) =>
        t.blocked && t.status === 'valid' ? (
          <Badge tone="warning">Blocked</Badge>
        ) : (
          <Badge tone={TICKET_STATUS_TONES[t.status]}>{humanize(t.status)}</Badge>
        ),
    },
    ...(mayBlock
      ? [
          {
            key: 'block',
            header: 'Gate',
            render: (t: Ticket) =>
              t.status === 'valid' ? (
                <TicketBlockControl
                  ticketId={t.id}
                  blocked={t.blocked === true}
                  onChanged={() => {
                    setLatest(null);
                    loaded.reload();
                    history.reload();
                  }}
                />
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      {back}
      <PageHeader
        title={`Purchase ${shortId(p.id)}`}
        description={
          event.data ? (
            <>
              <Link to={`/events/${event.data.id}`}>{event.data.name}</Link> ·{' '}
              {formatEventDateTime(event.data.startsAt, event.data.timezone)}
            </>
          ) : undefined
        }
        actions={
          <span data-testid="purchase-status">
            <Badge tone={PURCHASE_STATUS_TONES[p.status]}>{PURCHASE_STATUS_LABELS[p.status]}</Badge>
          </span>
        }
      />
      <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
        <section className="ts-card" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <div className="ts-grid">
            <dl className="ts-details">
              <dt>Buyer</dt>
              <dd>{[p.buyerName, p.buyerEmail].filter(Boolean).join(' · ') || '—'}</dd>
              <dt>Channel</dt>
              <dd>{humanize(p.channel)}</dd>
              <dt>Purchase id</dt>
              <dd>
                <code>{p.id}</code>
              </dd>
            </dl>
            <dl className="ts-details">
              <dt>Total</dt>
              <dd data-testid="purchase-total">{money(p.total)}</dd>
              <dt>Refunded</dt>
              <dd data-testid="purchase-refunded">{money(p.refundedAmount)}</dd>
              <dt>Payment</dt>
              <dd>
                {humanize(p.payment.method)} · {humanize(p.payment.status)}
              </dd>
            </dl>
            <dl className="ts-details">
              <dt>Created</dt>
              <dd>{formatTimestamp(p.createdAt)}</dd>
              <dt>Paid</dt>
              <dd>{formatTimestamp(p.paidAt)}</dd>
            </dl>
          </div>
        </section>
        <section aria-labelledby="items-title" className="ts-stack">
          <h2 id="items-title" style={{ margin: 0 }}>
            Items
          </h2>
          <DataTable
            caption="Items"
            columns={itemColumns}
            rows={p.items}
            rowKey={(i) => `${i.ticketTypeId}:${i.seatId}`}
          />
        </section>
        <section aria-labelledby="tickets-title" className="ts-stack">
          <h2 id="tickets-title" style={{ margin: 0 }}>
            Tickets
          </h2>
          <DataTable
            caption="Tickets"
            columns={ticketColumns}
            rows={p.tickets}
            rowKey={(t) => t.id}
            empty={<p className="ts-muted">No tickets issued (yet).</p>}
          />
        </section>
        <div className="ts-grid">
          <section className="ts-card" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <ErrorBanner error={history.error} />
            {history.data ? (
              <PurchaseHistory events={history.data.items} currency={p.currency} />
            ) : (
              !history.error && <Loading />
            )}
          </section>
          {(REFUNDABLE.includes(p.status) || latest !== null) && (
            <section className="ts-card" aria-labelledby="refund-title">
              <h2 id="refund-title">Refund</h2>
              <RefundForm
                purchase={p}
                onRefunded={(updated) => {
                  setLatest(updated);
                  history.reload();
                }}
              />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
