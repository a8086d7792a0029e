import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Events to narrow a report to (the most recent 200). */
export function listEvents(signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { limit: 200 } }, signal }));
}
