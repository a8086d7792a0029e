import { QuantityStepper, formatMoney } from '@tessera/ui';
import type { TicketType } from './list-ticket-types.js';

export interface GaLinesProps {
  types: readonly TicketType[];
  quantities: Record<string, number>;
  onChange: (ticketTypeId: string, quantity: number) => void;
}

/** One row per general-admission type: big − / + buttons and the line total. */
export function GaLines({ types, quantities, onChange }: GaLinesProps) {
  return (
    <ul className="ts-lines" aria-label="General admission">
      {types.map((type) => {
        const quantity = quantities[type.id] ?? 0;
        const max = Math.min(type.maxPerOrder, type.available ?? type.maxPerOrder);
        return (
          <li key={type.id}>
            <div className="ts-stack" style={{ gap: 0 }}>
              <strong style={{ fontSize: 'var(--text-lg)' }}>{type.name}</strong>
              <span className="ts-muted">
                {formatMoney(type.price, type.currency)}
                {type.available !== null && ` · ${type.available} left`}
                {type.status !== 'on_sale' && ` · ${type.status.replace(/_/g, ' ')}`}
              </span>
            </div>
            <div className="ts-cluster" style={{ alignItems: 'center' }}>
              <QuantityStepper
                name={type.name}
                size="lg"
                value={quantity}
                min={type.minPerOrder}
                max={Math.max(0, max)}
                disabled={type.status !== 'on_sale'}
                onChange={(next) => onChange(type.id, next)}
              />
              <strong style={{ minWidth: '6rem', textAlign: 'right' }} aria-label={`${type.name} line total`}>
                {formatMoney(type.price * quantity, type.currency)}
              </strong>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
