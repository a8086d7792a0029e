import { formatMoney, formatTimestamp, humanize } from '@tessera/ui';
import type { PurchaseEvent } from './get-purchase-history.js';

const num = (value: unknown) => (typeof value === 'number' ? value : null);
const str = (value: unknown) => (typeof value === 'string' && value ? value : null);
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** One line about what an event of the log says. */
function summary(event: PurchaseEvent, currency: string): string {
  const d = event.data;
  const money = (value: unknown) => (num(value) === null ? '' : formatMoney(num(value) ?? 0, currency));
  switch (event.type) {
    case 'created':
      return [
        money(d.total),
        str(d.channel) && humanize(str(d.channel) ?? ''),
        str(d.paymentMethod) && humanize(str(d.paymentMethod) ?? ''),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'paid':
      return money(d.amount);
    case 'tickets_issued':
      return `${count(d.ticketIds)} ${count(d.ticketIds) === 1 ? 'ticket' : 'tickets'}`;
    case 'refunded':
      return [
        money(d.amount),
        count(d.ticketIds) > 0 && `${count(d.ticketIds)} ${count(d.ticketIds) === 1 ? 'ticket' : 'tickets'}`,
        str(d.reason) && `“${str(d.reason)}”`,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'payment_attempt_failed':
    case 'payment_failed':
    case 'refund_due':
    case 'canceled':
    case 'expired':
      return str(d.reason) ? humanize(str(d.reason) ?? '') : '';
    case 'payment_pending':
    case 'payment_authorized':
    case 'rereserved':
      return '';
  }
}

/** The purchase's event log as a timeline, oldest first. */
export function PurchaseHistory({ events, currency }: { events: readonly PurchaseEvent[]; currency: string }) {
  if (events.length === 0) return <p className="ts-muted">No history yet.</p>;
  return (
    <ol className="ts-timeline" aria-label="History">
      {events.map((event) => {
        const line = summary(event, currency);
        return (
          <li key={event.seq}>
            <strong>{humanize(event.type)}</strong>
            {line && <> · {line}</>}
            <br />
            <span className="ts-muted" style={{ fontSize: 'var(--text-sm)' }}>
              {formatTimestamp(event.at)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
