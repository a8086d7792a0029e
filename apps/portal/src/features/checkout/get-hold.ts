import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type Hold = Schemas['HoldDto'];

export function getHold(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/holds/{id}', { params: { path: { id } }, signal }));
}
