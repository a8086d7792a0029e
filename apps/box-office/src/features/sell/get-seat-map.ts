import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SeatMap = Schemas['SeatMapDto'];
export type Seat = Schemas['SeatDto'];
export type Section = Schemas['SectionDto'];

export function getSeatMap(venueId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/venues/{venueId}/seat-map', { params: { path: { venueId } }, signal }));
}
