import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function getVenue(venueId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/venues/{venueId}', { params: { path: { venueId } }, signal }));
}
