import { unwrap } from '@tessera/api-client';
import { startOfToday } from '@tessera/ui';
import { api } from '../../lib/api.js';

/** The events a seller can pick from: today's and the next ones. */
export function listSellableEvents(signal?: AbortSignal) {
  return unwrap(api.GET('/api/events', { params: { query: { from: startOfToday(), limit: 50 } }, signal }));
}
