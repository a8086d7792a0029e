import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function reopenEventSales(id: string) {
  return unwrap(api.POST('/api/events/{id}/reopen-sales', { params: { path: { id } } }));
}
