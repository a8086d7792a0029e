import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The signed-in customer's purchases, newest first. */
export function listMyPurchases({ limit, offset }: { limit: number; offset: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/me/purchases', { params: { query: { limit, offset } }, signal }));
}
