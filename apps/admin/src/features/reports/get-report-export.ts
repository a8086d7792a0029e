import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** A run's status and progress, with a signed download link once it succeeded. */
export function getReportExport(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/reports/exports/{id}', { params: { path: { id } }, signal }));
}
