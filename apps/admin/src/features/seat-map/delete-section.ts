import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Deletes the section and its seats; 409 SECTION_IN_USE while a ticket type sells it. */
export function deleteSection(venueId: string, sectionId: string) {
  return unwrap(api.DELETE('/api/venues/{venueId}/sections/{sectionId}', { params: { path: { venueId, sectionId } } }));
}
