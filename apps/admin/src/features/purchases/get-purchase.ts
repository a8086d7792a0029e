import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function getPurchase(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/purchases/{id}', { params: { path: { id } }, signal }));
}
