import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The customer's recent purchases, to say which one a request is about. */
export function listMyPurchases(signal?: AbortSignal) {
  return unwrap(api.GET('/api/me/purchases', { params: { query: { limit: 50, offset: 0 } }, signal }));
}
