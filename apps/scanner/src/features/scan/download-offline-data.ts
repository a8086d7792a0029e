import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import type { OfflineEventData } from './offline-store.js';

/**
 * A revocation's time is the start of the transaction that made it, which can be earlier than the
 * `at` of a list read while that transaction was still open. Asking again with some overlap keeps
 * such a revocation from being skipped; ids already known are simply merged.
 */
const SINCE_OVERLAP_MS = 5 * 60_000;

/**
 * Downloads what offline checks need: keys, gates and blocked tickets in full, revocations since the
 * last time. The ticket list, when wanted, comes separately (download-ticket-list.ts).
 */
export async function downloadOfflineData(
  eventId: string,
  previous: OfflineEventData | null,
  signal?: AbortSignal,
): Promise<OfflineEventData> {
  const path = { id: eventId };
  const askedAt = new Date().toISOString();
  const since = previous?.since ? new Date(Date.parse(previous.since) - SINCE_OVERLAP_MS).toISOString() : undefined;
  const [keys, revocations, access] = await Promise.all([
    unwrap(api.GET('/api/events/{id}/ticket-keys', { params: { path }, signal })),
    unwrap(api.GET('/api/events/{id}/revocations', { params: { path, query: since ? { since } : {} }, signal })),
    unwrap(api.GET('/api/events/{id}/access', { params: { path }, signal })),
  ]);
  const revoked = new Set(since ? previous?.revoked : []);
  for (const item of revocations.items) revoked.add(item.ticketId.toLowerCase());
  return {
    keys: keys.items,
    revoked: [...revoked],
    since: revocations.at,
    blocked: revocations.blocked.map((id) => id.toLowerCase()),
    blockedAt: askedAt,
    access,
    updatedAt: new Date().toISOString(),
  };
}
