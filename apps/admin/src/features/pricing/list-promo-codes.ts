import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PromoCode = Schemas['PromoCodeDto'];

export function listPromoCodes(eventId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/events/{id}/promo-codes', { params: { path: { id: eventId }, query: { limit: 200 } }, signal }),
  );
}
