import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type RefundRequest = Schemas['RefundRequestDto'];

/** Refunds tickets through the payment provider; `amount` (minor units) below their price is a partial refund. */
export function refundPurchase(id: string, body: RefundRequest) {
  return unwrap(api.POST('/api/purchases/{id}/refunds', { params: { path: { id } }, body }));
}
