import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Deletes the zone (its seats keep no zone); 409 PRICE_ZONE_IN_USE while a ticket type sells it. */
export function deletePriceZone(venueId: string, zoneId: string) {
  return unwrap(api.DELETE('/api/venues/{venueId}/price-zones/{zoneId}', { params: { path: { venueId, zoneId } } }));
}
