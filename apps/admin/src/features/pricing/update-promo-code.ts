import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdatePromoCodeInput = Schemas['UpdatePromoCodeDto'];

/** Deactivates a code, or changes its limit or end. */
export function updatePromoCode(id: string, body: UpdatePromoCodeInput) {
  return unwrap(api.PATCH('/api/promo-codes/{id}', { params: { path: { id } }, body }));
}
