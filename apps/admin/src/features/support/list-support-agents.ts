import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SupportAgent = Schemas['SupportPersonDto'];

export function listSupportAgents(signal?: AbortSignal) {
  return unwrap(api.GET('/api/support/agents', { signal }));
}
