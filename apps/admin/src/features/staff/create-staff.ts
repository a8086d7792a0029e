import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateStaffInput = Schemas['CreateStaffDto'];

export function createStaff(body: CreateStaffInput) {
  return unwrap(api.POST('/api/staff', { body }));
}
