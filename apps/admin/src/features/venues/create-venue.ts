import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateVenueInput = Schemas['CreateVenueDto'];

export function createVenue(body: CreateVenueInput) {
  return unwrap(api.POST('/api/venues', { body }));
}
