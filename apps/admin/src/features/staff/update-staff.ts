import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateStaffInput = Schemas['UpdateStaffDto'];

export function updateStaff(id: string, body: UpdateStaffInput) {
  return unwrap(api.PATCH('/api/staff/{id}', { params: { path: { id } }, body }));
}
