import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Looks the coordinates up from the saved address (422 when no geocoder is configured or nothing matches). */
export function geocodeVenue(venueId: string) {
  return unwrap(api.POST('/api/venues/{venueId}/geocode', { params: { path: { venueId } } }));
}
