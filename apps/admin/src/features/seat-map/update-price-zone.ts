import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdatePriceZoneInput = Schemas['UpdatePriceZoneDto'];

export function updatePriceZone(venueId: string, zoneId: string, body: UpdatePriceZoneInput) {
  return unwrap(
    api.PATCH('/api/venues/{venueId}/price-zones/{zoneId}', { params: { path: { venueId, zoneId } }, body }),
  );
}
