import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SeatMap = Schemas['SeatMapDto'];
export type Seat = Schemas['SeatDto'];
export type Section = Schemas['SectionDto'];

/** The venue's public seat map: sections, seats with coordinates, price zones. */
export function getSeatMap(venueId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/venues/{venueId}/seat-map', { params: { path: { venueId } }, signal }));
}
