import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ValidationFlag = Schemas['ValidationFlagDto'];
export type FlagFilter = 'open' | 'all';

export function listValidationFlags(eventId: string, status: FlagFilter, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/events/{id}/validation-flags', { params: { path: { id: eventId }, query: { status } }, signal }),
  );
}
