import type { Schemas } from '@tessera/api-client';
import { Button, formatMoney, formatTimestamp } from '@tessera/ui';
import { useEffect, useRef } from 'react';
import { PrintTickets } from './PrintTickets.js';

export type Purchase = Schemas['PurchaseDto'];

export interface ReceiptProps {
  purchase: Purchase;
  /** Cash handed over and change given, minor units (cash sales only). */
  cash: { tendered: number; change: number } | null;
  onNewSale: () => void;
}

/**
 * The completed sale: what was paid and the tickets issued, with printing on the counter's thermal
 * printer or A4. "New sale" (or Enter) starts the next one.
 */
export function Receipt({ purchase, cash, onNewSale }: ReceiptProps) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const money = (minor: number) => formatMoney(minor, purchase.currency);
  return (
    <section className="ts-card ts-stack" aria-labelledby="receipt-title" style={{ gap: 'var(--space-3)' }}>
      <div className="ts-alert ts-alert--success" role="status">
        <p className="ts-alert__title" id="receipt-title">
          Sale complete
        </p>
        <p>
          {money(purchase.total)} paid by {purchase.payment.method === 'cash' ? 'cash' : 'card'}
          {cash && cash.change > 0 && ` · change due ${money(cash.change)}`}
        </p>
      </div>
      <dl className="ts-details">
        <dt>Sale</dt>
        <dd>
          <code>{purchase.id}</code> · {formatTimestamp(purchase.paidAt ?? purchase.createdAt)}
        </dd>
        {cash && (
          <>
            <dt>Tendered</dt>
            <dd>{money(cash.tendered)}</dd>
            <dt>Change</dt>
            <dd data-testid="receipt-change">{money(cash.change)}</dd>
          </>
        )}
        {(purchase.buyerName || purchase.buyerEmail) && (
          <>
            <dt>Buyer</dt>
            <dd>{[purchase.buyerName, purchase.buyerEmail].filter(Boolean).join(' · ')}</dd>
          </>
        )}
      </dl>
      <h3 style={{ margin: 0 }}>
        {purchase.tickets.length} {purchase.tickets.length === 1 ? 'ticket' : 'tickets'}
      </h3>
      <ul className="ts-lines" aria-label="Tickets sold">
        {purchase.tickets.map((ticket) => (
          <li key={ticket.id}>
            <span>
              <strong>{ticket.ticketTypeName}</strong>
              {ticket.seat && ` · ${ticket.seat.section} row ${ticket.seat.row} seat ${ticket.seat.label}`}
              <br />
              <code className="ts-muted" style={{ wordBreak: 'break-all' }}>
                {ticket.code ?? `Ticket ${ticket.id.slice(0, 8).toUpperCase()}`}
              </code>
            </span>
            <span>{money(ticket.price)}</span>
          </li>
        ))}
      </ul>
      <PrintTickets purchaseId={purchase.id} count={purchase.tickets.filter((t) => t.status === 'valid').length} />
      <Button ref={next} size="lg" block onClick={onNewSale}>
        New sale
      </Button>
    </section>
  );
}
