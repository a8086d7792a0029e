import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function closeEventSales(id: string) {
  return unwrap(api.POST('/api/events/{id}/close-sales', { params: { path: { id } } }));
}
