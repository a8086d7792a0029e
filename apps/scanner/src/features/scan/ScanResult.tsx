import { useEffect } from 'react';
import { headlineOf, seatText, shortTicketId, toneOf, type ShownOutcome } from './outcome.js';

/**
 * The verdict as a full-width panel, readable at arm's length: green, red, or amber for anything
 * to double-check (an offline admission, a ticket that could not be checked). Tap it, or press
 * Escape, to clear it.
 */
export function ScanResult({ outcome, onDismiss }: { outcome: ShownOutcome; onDismiss: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);

  const { ticket } = outcome;
  const seat = seatText(ticket?.seat);
  const rows: [string, string][] = [];
  if (outcome.direction === 'exit') rows.push(['Direction', 'Exit']);
  if (ticket?.ticketTypeName) rows.push(['Ticket type', ticket.ticketTypeName]);
  if (seat) rows.push(['Seat', seat]);
  if (ticket?.holderName) rows.push(['Holder', ticket.holderName]);
  if (ticket) rows.push(['Ticket', shortTicketId(ticket.id)]);

  return (
    <section
      className={`scan-result scan-result--${toneOf(outcome)}`}
      data-testid="scan-result"
      data-result={outcome.verdict}
      data-reason={outcome.reason ?? undefined}
      data-offline={String(outcome.offline)}
      data-ticket-id={ticket?.id}
      aria-label="Scan result"
      onClick={onDismiss}
    >
      <div role="alert" className="scan-result__verdict">
        <span className="scan-result__headline">{headlineOf(outcome)}</span>
        <span className="scan-result__detail">{outcome.message}</span>
      </div>
      {rows.length > 0 && (
        <dl className="scan-result__ticket">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {!ticket && <span className="scan-result__code">Code {outcome.code.slice(0, 24)}</span>}
      <button type="button" className="scan-result__dismiss" onClick={onDismiss}>
        Clear
      </button>
    </section>
  );
}
