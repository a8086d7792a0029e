import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function cancelEvent(id: string, reason?: string) {
  return unwrap(api.POST('/api/events/{id}/cancel', { params: { path: { id } }, body: reason ? { reason } : {} }));
}
