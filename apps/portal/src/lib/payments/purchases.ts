import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../api.js';

export type Purchase = Schemas['PurchaseDto'];

export function getPurchase(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/purchases/{id}', { params: { path: { id } }, signal }));
}

/** A pending card payment, paid again by its buyer: the purchase with a fresh client secret. */
export function resumePayment(id: string) {
  return unwrap(api.POST('/api/purchases/{id}/payment/resume', { params: { path: { id } } }));
}
