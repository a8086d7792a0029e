import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type Staff = Schemas['StaffDto'];

export interface StaffQuery {
  q?: string;
  limit: number;
  offset: number;
}

export function listStaff({ q, limit, offset }: StaffQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/staff', { params: { query: { q: q || undefined, limit, offset } }, signal }));
}
