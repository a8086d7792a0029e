import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export interface SeatingSection {
  id: string;
  name: string;
  kind: 'general_admission' | 'reserved';
  seats: number;
  capacity: number | null;
}

export interface SeatingZone {
  id: string;
  name: string;
  color: string;
  seats: number;
}

export interface VenueSeating {
  sections: SeatingSection[];
  zones: SeatingZone[];
}

/** What reserved ticket types can sell at the venue: its sections and price zones, with seat counts. */
export async function getVenueSeating(venueId: string, signal?: AbortSignal): Promise<VenueSeating> {
  const map = await unwrap(api.GET('/api/venues/{venueId}/seat-map', { params: { path: { venueId } }, signal }));
  const perZone = new Map<string, number>();
  for (const section of map.sections) {
    for (const seat of section.seats) {
      if (seat.priceZoneId) perZone.set(seat.priceZoneId, (perZone.get(seat.priceZoneId) ?? 0) + 1);
    }
  }
  return {
    sections: map.sections.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      seats: s.seats.length,
      capacity: s.capacity,
    })),
    zones: map.priceZones.map((z) => ({ id: z.id, name: z.name, color: z.color, seats: perZone.get(z.id) ?? 0 })),
  };
}
