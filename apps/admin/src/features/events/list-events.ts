import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type EventSummary = Schemas['EventDto'];
export type EventStatus = EventSummary['status'];

export interface EventQuery {
  q?: string;
  status?: EventStatus;
  limit: number;
  offset: number;
}

export function listEvents({ q, status, limit, offset }: EventQuery, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/events', {
      params: { query: { q: q || undefined, status: status || undefined, limit, offset } },
      signal,
    }),
  );
}
