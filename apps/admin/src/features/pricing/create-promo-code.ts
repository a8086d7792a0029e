import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreatePromoCodeInput = Schemas['CreatePromoCodeDto'];

/** 409 PROMO_CODE_TAKEN when the event already has the code. */
export function createPromoCode(eventId: string, body: CreatePromoCodeInput) {
  return unwrap(api.POST('/api/events/{id}/promo-codes', { params: { path: { id: eventId } }, body }));
}
