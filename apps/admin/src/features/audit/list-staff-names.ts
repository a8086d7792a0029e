import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Staff names by id, so the trail says who acted rather than only an id (the first 200 accounts). */
export async function listStaffNames(signal?: AbortSignal): Promise<Map<string, { name: string; email: string }>> {
  const staff = await unwrap(api.GET('/api/staff', { params: { query: { limit: 200 } }, signal }));
  return new Map(staff.items.map((s) => [s.id, { name: s.name, email: s.email }]));
}
