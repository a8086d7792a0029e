import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PriceHistoryEntry = Schemas['PriceHistoryEntryDto'];

/** Every price the type was published at, newest first. */
export function getPriceHistory(ticketTypeId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/ticket-types/{id}/price-history', {
      params: { path: { id: ticketTypeId }, query: { limit: 200 } },
      signal,
    }),
  );
}
