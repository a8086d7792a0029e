import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type TicketType = Schemas['TicketTypeDto'];

/** The ticket types sold on the web; an unlock code also lists the hidden types it opens. */
export function listTicketTypes(eventId: string, code?: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/tickets/types', {
      params: { query: { eventId, channel: 'web', limit: 100, ...(code ? { code } : {}) } },
      signal,
    }),
  );
}
