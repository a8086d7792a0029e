import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PriceQuote = Schemas['PriceQuoteDto'];

/** What the chosen tickets cost now with a promo code, and why each price is what it is. */
export function quotePrices(body: Schemas['PriceQuoteRequestDto'], signal?: AbortSignal) {
  return unwrap(api.POST('/api/price-quotes', { body, signal }));
}
