import { formatMoney } from '@tessera/ui';
import type { Hold } from './get-hold.js';

/** The held tickets at their locked prices. */
export function HoldItems({ hold, typeNames }: { hold: Hold; typeNames: ReadonlyMap<string, string> }) {
  return (
    <>
      <ul className="ts-lines" aria-label="Held tickets">
        {hold.items.map((item, i) => {
          const name = typeNames.get(item.ticketTypeId) ?? 'Ticket';
          return (
            <li key={item.seatId ?? `${item.ticketTypeId}:${i}`}>
              <span>
                {item.seatId ? (
                  <>
                    <strong>{item.seatLabel ?? 'Reserved seat'}</strong> · {name}
                  </>
                ) : (
                  <>
                    <strong>
                      {item.quantity} × {name}
                    </strong>{' '}
                    <span className="ts-muted">at {formatMoney(item.unitPrice, item.currency)}</span>
                  </>
                )}
              </span>
              <span>{formatMoney(item.unitPrice * item.quantity, item.currency)}</span>
            </li>
          );
        })}
      </ul>
      {hold.promoCodes.length > 0 && (
        <p className="ts-muted" style={{ margin: 'var(--space-2) 0 0' }} data-testid="hold-promo-codes">
          Code {hold.promoCodes.join(', ')} applied: these prices are locked until the hold ends.
        </p>
      )}
      <p className="ts-total" style={{ marginTop: 'var(--space-3)' }}>
        <span>Total</span>
        <span data-testid="hold-total">{formatMoney(hold.total, hold.currency)}</span>
      </p>
    </>
  );
}
