// What the scanner keeps on the device for working offline: per event, the public keys, the
// revoked and blocked ticket ids, the gates and whether to keep the ticket list (the list itself is
// in IndexedDB, see ticket-list-store.ts); per event and check-in list, the tickets this device let
// in; and one queue of scans decided offline, waiting for upload.
import type { Schemas } from '@tessera/api-client';
import { readJson, writeJson } from '../../lib/storage.js';

export type TicketKey = Schemas['TicketKeyDto'];
export type AccessSetup = Schemas['AccessSetupDto'];
/** Exactly the fields the batch upload accepts. */
export type QueuedScan = Schemas['OfflineScanDto'];

export interface OfflineEventData {
  keys: TicketKey[];
  /** Lowercase ticket ids. */
  revoked: string[];
  /** The `at` of the last revocation download; the next asks only for newer ones. */
  since: string | null;
  /**
   * Lowercase ids of every ticket blocked when the revocations were last read (complete each time);
   * null when the API did not say.
   */
  blocked: string[] | null;
  /** When this device asked for those blocked ids, by its own clock. */
  blockedAt: string | null;
  access: AccessSetup | null;
  /** When the data was last downloaded in full. */
  updatedAt: string;
}

const QUEUE_KEY = 'tessera.scanner.offline-queue';
const dataKey = (eventId: string) => `tessera.scanner.offline-data.${eventId}`;
const admittedKey = (eventId: string) => `tessera.scanner.admitted.${eventId}`;

export function loadEventData(eventId: string): OfflineEventData | null {
  const data = readJson<OfflineEventData>(dataKey(eventId));
  if (!data || !Array.isArray(data.keys) || !Array.isArray(data.revoked)) return null;
  // Saved by an earlier version of the app, without the blocked ids.
  return { ...data, blocked: Array.isArray(data.blocked) ? data.blocked : null, blockedAt: data.blockedAt ?? null };
}

export function saveEventData(eventId: string, data: OfflineEventData): void {
  writeJson(dataKey(eventId), data);
}

const listWantedKey = (eventId: string) => `tessera.scanner.ticket-list.${eventId}`;

/** Whether this device keeps the event's ticket list for offline checks (off unless turned on). */
export function ticketListWanted(eventId: string): boolean {
  return readJson<boolean>(listWantedKey(eventId)) === true;
}

export function setTicketListWanted(eventId: string, wanted: boolean): void {
  writeJson(listWantedKey(eventId), wanted);
}

// The queue is read on every render of the indicator, so it is cached and re-read only when it
// changes here or in another tab.
let queueCache: QueuedScan[] | null = null;
const queueListeners = new Set<() => void>();

function readQueue(): QueuedScan[] {
  if (!queueCache) {
    const saved = readJson<QueuedScan[]>(QUEUE_KEY);
    queueCache = Array.isArray(saved) ? saved : [];
  }
  return queueCache;
}

function writeQueue(queue: QueuedScan[]): void {
  // Kept in memory even if storage is full, so at least this session still uploads it.
  queueCache = queue;
  writeJson(QUEUE_KEY, queue);
  for (const listener of queueListeners) listener();
}

export const queuedScans = (): readonly QueuedScan[] => readQueue();
export const queueLength = (): number => readQueue().length;

export function enqueueScan(scan: QueuedScan): void {
  writeQueue([...readQueue(), scan]);
}

export function removeQueued(nonces: ReadonlySet<string>): void {
  writeQueue(readQueue().filter((scan) => !nonces.has(scan.nonce)));
}

export function subscribeQueue(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== QUEUE_KEY) return;
    queueCache = null;
    listener();
  };
  queueListeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    queueListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

type AdmittedLists = Record<string, string[]>;

export function wasAdmitted(eventId: string, listKey: string, ticketId: string): boolean {
  return readJson<AdmittedLists>(admittedKey(eventId))?.[listKey]?.includes(ticketId) ?? false;
}

/** Records that `ticketId` is in on `listKey`, or (`inside` false) that it went out again. */
export function recordAdmission(eventId: string, listKey: string, ticketId: string, inside: boolean): void {
  const lists = readJson<AdmittedLists>(admittedKey(eventId)) ?? {};
  const ids = new Set(lists[listKey] ?? []);
  if (inside === ids.has(ticketId)) return;
  if (inside) ids.add(ticketId);
  else ids.delete(ticketId);
  writeJson(admittedKey(eventId), { ...lists, [listKey]: [...ids] });
}
