import { unwrap, type Schemas } from '@tessera/api-client';
import { startOfToday } from '@tessera/ui';
import { api } from '../../lib/api.js';

export type EventSummary = Schemas['EventDto'];

/** Today's and later events, soonest first. */
export function listEventsFromToday({ limit, offset }: { limit: number; offset: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { from: startOfToday(), limit, offset } }, signal }));
}
