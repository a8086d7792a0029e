import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function completeEvent(id: string) {
  return unwrap(api.POST('/api/events/{id}/complete', { params: { path: { id } } }));
}
