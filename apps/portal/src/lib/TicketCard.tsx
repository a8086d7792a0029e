import type { Schemas } from '@tessera/api-client';
import { Badge, Link, formatMoney } from '@tessera/ui';
import { TICKET_STATUS } from './status.js';

export type Ticket = Schemas['IssuedTicketDto'];

/** One ticket: its type, seat, status and the code shown at the gate. */
export function TicketCard({ ticket }: { ticket: Ticket }) {
  const status = TICKET_STATUS[ticket.status];
  return (
    <li className="ts-card ts-stack" style={{ padding: 'var(--space-4)', gap: 'var(--space-2)' }}>
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h3 style={{ margin: 0, fontSize: 'var(--text-lg)' }}>{ticket.ticketTypeName}</h3>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <p style={{ margin: 0 }}>
        {ticket.seat
          ? `${ticket.seat.section} · Row ${ticket.seat.row} · Seat ${ticket.seat.label}`
          : 'General admission'}
        <span className="ts-muted"> · {formatMoney(ticket.price, ticket.currency)}</span>
      </p>
      {ticket.code ? (
        <>
          <p style={{ margin: 0, wordBreak: 'break-all' }}>
            <span className="ts-muted">Code </span>
            <code data-testid="ticket-code">{ticket.code}</code>
          </p>
          {ticket.status === 'valid' && (
            <p style={{ margin: 0 }}>
              <Link to={`/tickets/${ticket.id}`}>Show the QR code</Link>
            </p>
          )}
        </>
      ) : (
        <p className="ts-muted" style={{ margin: 0 }}>
          Ticket {ticket.id.slice(0, 8).toUpperCase()} · the code to show at the gate appears here once issued.
        </p>
      )}
    </li>
  );
}
