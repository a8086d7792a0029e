import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ImportSeatMapInput = Schemas['ImportSeatMapDto'];
export type ImportFormat = ImportSeatMapInput['format'];

/** Adds (or with `replace`, replaces) sections, seats and zones; 422 SEAT_MAP_INVALID lists what is wrong. */
export function importSeatMap(venueId: string, body: ImportSeatMapInput) {
  return unwrap(api.POST('/api/venues/{venueId}/seat-map/import', { params: { path: { venueId } }, body }));
}
