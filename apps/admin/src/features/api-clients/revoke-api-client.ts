import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Revokes the client's key at once; calls with it fail from then on. */
export async function revokeApiClient(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/api-clients/{id}', { params: { path: { id } } }));
}
