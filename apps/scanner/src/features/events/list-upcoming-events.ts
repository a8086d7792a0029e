import { unwrap, type Schemas } from '@tessera/api-client';
import { startOfToday } from '@tessera/ui';
import { api } from '../../lib/api.js';

export type EventSummary = Schemas['EventDto'];

/** Events from the start of today, so an event already under way can still be chosen. */
export function listUpcomingEvents({ limit, offset }: { limit: number; offset: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { from: startOfToday(), limit, offset } }, signal }));
}
