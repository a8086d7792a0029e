import type { Schemas } from '@tessera/api-client';
import { unwrapDetailed } from '@tessera/ui';
import { api } from '../../lib/api.js';

export type PurchaseRequest = Schemas['PurchaseRequestDto'];

/** Buys what a hold holds. The same key and body always get the first answer, so retries never pay twice. */
export function purchaseHold(body: PurchaseRequest, idempotencyKey: string) {
  return unwrapDetailed(
    api.POST('/api/tickets/purchase', {
      params: { header: { 'idempotency-key': idempotencyKey, 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}
