import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PurchaseEvent = Schemas['PurchaseEventDto'];

/** The purchase's event log, oldest first: created, paid, tickets_issued, refunded, ... */
export function getPurchaseHistory(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/purchases/{id}/history', { params: { path: { id } }, signal }));
}
