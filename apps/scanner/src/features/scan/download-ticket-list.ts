import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type OfflineTicketList = Schemas['OfflineTicketListDto'];

/** Every ticket of the event with its type, seat, holder and block, for checks without the API. */
export function downloadTicketList(eventId: string, signal?: AbortSignal): Promise<OfflineTicketList> {
  return unwrap(api.GET('/api/events/{id}/offline-tickets', { params: { path: { id: eventId } }, signal }));
}
