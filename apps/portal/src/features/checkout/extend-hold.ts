import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** More time to pay; a hold can be extended once. */
export function extendHold(id: string) {
  return unwrap(api.POST('/api/holds/{id}/extend', { params: { path: { id } } }));
}
