import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type UpdateSectionInput = Schemas['UpdateSectionDto'];

export function updateSection(venueId: string, sectionId: string, body: UpdateSectionInput) {
  return unwrap(
    api.PATCH('/api/venues/{venueId}/sections/{sectionId}', { params: { path: { venueId, sectionId } }, body }),
  );
}
