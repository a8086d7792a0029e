import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export async function resolveValidationFlag(id: string): Promise<void> {
  await unwrap(api.POST('/api/validation-flags/{id}/resolve', { params: { path: { id } } }));
}
