import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ApiClientSummary = Schemas['ApiClientDto'];

export function listApiClients({ limit, offset }: { limit: number; offset: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/api-clients', { params: { query: { limit, offset } }, signal }));
}
