import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type EntryStats = Schemas['EntryStatsDto'];

export function getEntryStats(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events/{id}/entry-stats', { params: { path: { id: eventId } }, signal }));
}
