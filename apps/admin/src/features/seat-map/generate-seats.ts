import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type GenerateSeatsInput = Schemas['GenerateSeatsDto'];

export function generateSeats(venueId: string, sectionId: string, body: GenerateSeatsInput) {
  return unwrap(
    api.POST('/api/venues/{venueId}/sections/{sectionId}/seats/generate', {
      params: { path: { venueId, sectionId } },
      body,
    }),
  );
}
