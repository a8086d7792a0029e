import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Events to filter purchases by and to name them (the API's largest page). */
export function listEvents(signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { limit: 200 } }, signal }));
}
