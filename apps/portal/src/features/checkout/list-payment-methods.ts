import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The ways to pay this deployment takes (Stripe with its publishable key, the sandbox where enabled). */
export function listPaymentMethods(signal?: AbortSignal) {
  return unwrap(api.GET('/api/payments/methods', { signal }));
}
