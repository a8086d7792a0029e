import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateSeatInput = Schemas['UpdateSeatDto'];

/** Renames or moves one seat; 422 DUPLICATE_SEAT_LABEL when the row already has that label. */
export function updateSeat(venueId: string, seatId: string, body: UpdateSeatInput) {
  return unwrap(api.PATCH('/api/venues/{venueId}/seats/{seatId}', { params: { path: { venueId, seatId } }, body }));
}
