import { Badge, Link } from '@tessera/ui';
import { TICKET_STATUS } from '../../lib/status.js';
import type { Ticket } from './list-my-tickets.js';
import { seatText } from './ticket-event.js';

/** One ticket in the list; a valid one opens its QR code, the others are greyed with their status. */
export function TicketListCard({ ticket }: { ticket: Ticket }) {
  const status = TICKET_STATUS[ticket.status];
  const valid = ticket.status === 'valid';
  const seatId = `ticket-${ticket.id}-seat`;
  return (
    <li
      className={valid ? 'ts-card ticket-card' : 'ts-card ticket-card ticket-card--inactive'}
      data-testid="ticket-card"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
    >
      <div className="ticket-card__head">
        <h3 className="ticket-card__type">
          {valid ? (
            <Link to={`/tickets/${ticket.id}`} className="ticket-card__link" aria-describedby={seatId}>
              {ticket.ticketTypeName}
            </Link>
          ) : (
            ticket.ticketTypeName
          )}
        </h3>
        {valid && ticket.blocked ? (
          <Badge tone="warning">On hold</Badge>
        ) : (
          <Badge tone={status.tone}>{status.label}</Badge>
        )}
      </div>
      <p id={seatId} className="ticket-card__seat">
        {seatText(ticket.seat)}
      </p>
      {ticket.holderName && <p className="ticket-card__holder ts-muted">Holder: {ticket.holderName}</p>}
      {valid && (
        <p className="ticket-card__open" aria-hidden="true">
          Show ticket ›
        </p>
      )}
    </li>
  );
}
