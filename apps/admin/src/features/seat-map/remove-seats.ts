import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function removeSeats(venueId: string, seatIds: string[]) {
  return unwrap(api.POST('/api/venues/{venueId}/seats/remove', { params: { path: { venueId } }, body: { seatIds } }));
}
