import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type VenueOption = Schemas['VenueDto'];

/** Venues whose name or city matches, for the venue picker. */
export function searchVenues(q: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/venues', { params: { query: { q: q || undefined, limit: 8 } }, signal }));
}
