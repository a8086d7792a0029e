import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type EventSummary = Schemas['EventDto'];

export interface UpcomingQuery {
  q?: string;
  /** ISO 8601; events starting at or after it. */
  from: string;
  limit: number;
  offset: number;
}

export function listUpcomingEvents({ q, from, limit, offset }: UpcomingQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { q: q || undefined, from, limit, offset } }, signal }));
}
