import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type RefundProgress = Schemas['RefundProgressDto'];

/** How many of a canceled event's paid purchases are refunded so far. */
export function getRefundProgress(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events/{id}/refund-progress', { params: { path: { id: eventId } }, signal }));
}
