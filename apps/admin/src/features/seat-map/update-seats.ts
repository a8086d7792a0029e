import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateSeatsInput = Schemas['UpdateSeatsDto'];

/** Marks many seats at once: attributes (replaced), price zone, held back. */
export function updateSeats(venueId: string, body: UpdateSeatsInput) {
  return unwrap(api.PATCH('/api/venues/{venueId}/seats', { params: { path: { venueId } }, body }));
}
