import { formatMoney } from '@tessera/ui';
import type { PriceQuote } from './quote-prices.js';

/** Each chosen type's price with the rules and codes that made it. */
export function PriceDetails({ quote }: { quote: PriceQuote }) {
  const explained = quote.items.filter((i) => i.explanation.length > 0);
  if (explained.length === 0) return null;
  return (
    <details data-testid="price-details">
      <summary>Why these prices</summary>
      <ul style={{ margin: 'var(--space-2) 0 0', paddingLeft: 'var(--space-5)' }}>
        {explained.map((item) => (
          <li key={item.ticketTypeId}>
            <strong>
              {item.name}: {formatMoney(item.unitPrice, item.currency)}
            </strong>
            {item.unitPrice !== item.basePrice && (
              <span className="ts-muted"> (base {formatMoney(item.basePrice, item.currency)})</span>
            )}
            <ul>
              {item.explanation.map((r) => (
                <li key={r.id}>{r.explanation}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
