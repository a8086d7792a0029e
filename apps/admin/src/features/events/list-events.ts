import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type EventSummary = Schemas['EventDto'];

export interface EventQuery {
  q?: string;
  status?: string;
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
