import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Gives the held tickets back. */
export function releaseHold(id: string) {
  return unwrap(api.DELETE('/api/holds/{id}', { params: { path: { id } } }));
}
