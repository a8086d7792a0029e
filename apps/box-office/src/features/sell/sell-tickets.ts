import { unwrapDetailed } from '@tessera/ui';
import { api } from '../../lib/api.js';
import type { PurchaseRequest } from './cart.js';

/** Records a counter sale, paid in cash or on the card terminal; the answer carries the issued tickets. */
export function sellTickets(body: PurchaseRequest, idempotencyKey: string) {
  return unwrapDetailed(
    api.POST('/api/tickets/purchase', {
      params: { header: { 'idempotency-key': idempotencyKey, 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}
