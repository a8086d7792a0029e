import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import type { ImportFormat } from './import-seat-map.js';

/** The seat map as a JSON or CSV file (the import format), fetched with the session's token. */
export async function exportSeatMap(venueId: string, format: ImportFormat): Promise<Blob> {
  const text = await unwrap(
    api.GET('/api/venues/{venueId}/seat-map/export', {
      params: { path: { venueId }, query: { format } },
      parseAs: 'text',
    }),
  );
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
  return new Blob([String(text ?? '')], { type });
}
