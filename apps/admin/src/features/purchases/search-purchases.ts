import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type Purchase = Schemas['PurchaseDto'];
export type PurchaseStatus = Purchase['status'];

export interface PurchaseQuery {
  /** Purchase id, or part of the buyer's email or name. */
  q?: string;
  eventId?: string;
  status?: PurchaseStatus;
  limit: number;
  offset: number;
}

export function searchPurchases({ q, eventId, status, limit, offset }: PurchaseQuery, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/purchases', {
      params: {
        query: { q: q || undefined, eventId: eventId || undefined, status: status || undefined, limit, offset },
      },
      signal,
    }),
  );
}
