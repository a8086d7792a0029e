import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateSectionInput = Schemas['CreateSectionDto'];

export function createSection(venueId: string, body: CreateSectionInput) {
  return unwrap(api.POST('/api/venues/{venueId}/sections', { params: { path: { venueId } }, body }));
}
