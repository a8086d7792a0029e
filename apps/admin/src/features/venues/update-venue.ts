import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateVenueInput = Schemas['UpdateVenueDto'];

export function updateVenue(venueId: string, body: UpdateVenueInput) {
  return unwrap(api.PATCH('/api/venues/{venueId}', { params: { path: { venueId } }, body }));
}
