import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type Venue = Schemas['VenueDto'];

export interface VenueQuery {
  q?: string;
  limit: number;
  offset: number;
}

export function listVenues({ q, limit, offset }: VenueQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/venues', { params: { query: { q: q || undefined, limit, offset } }, signal }));
}
