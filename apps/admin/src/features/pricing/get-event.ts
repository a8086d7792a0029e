import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PricingEvent = Schemas['EventDto'];

export function getEvent(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events/{id}', { params: { path: { id } }, signal }));
}
