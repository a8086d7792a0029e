import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreatePriceZoneInput = Schemas['CreatePriceZoneDto'];

export function createPriceZone(venueId: string, body: CreatePriceZoneInput) {
  return unwrap(api.POST('/api/venues/{venueId}/price-zones', { params: { path: { venueId } }, body }));
}
