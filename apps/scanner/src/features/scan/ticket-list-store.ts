// The event's ticket list, kept in IndexedDB (100k tickets are over 10 MB, too much for
// localStorage). Tickets are stored in buckets by the last three hex digits of their id (up to 4096
// per event, about 25 tickets each at 100k): a scan reads one small bucket, and saving 100k tickets
// takes about half a second where one record per ticket took several. One more record per event
// holds the ticket types and when the list was read.
import { openDatabase, request } from '../../lib/idb.js';
import type { OfflineTicketList } from './download-ticket-list.js';

export type ListedTicket = OfflineTicketList['tickets'][number];
export type ListedTicketType = OfflineTicketList['ticketTypes'][number];

/** What the offline bar shows about a stored list, and the types its tickets point at. */
export interface TicketListInfo {
  /** When the API read the list. */
  at: string;
  /** When this device received it (its own clock, comparable with the other downloads). */
  downloadedAt: string;
  ticketTypes: ListedTicketType[];
  tickets: number;
  blocked: number;
  /** Roughly how much the list takes, in bytes. */
  bytes: number;
}

/** A scanned ticket looked up in the stored list; `ticket` is null when the list does not have it. */
export interface ListLookup {
  info: TicketListInfo;
  ticket: ListedTicket | null;
  type: ListedTicketType | null;
}

const LISTS = 'ticket-lists';
const TICKETS = 'tickets';

const db = openDatabase('tessera-scanner', 1, (database) => {
  if (!database.objectStoreNames.contains(LISTS)) database.createObjectStore(LISTS);
  if (!database.objectStoreNames.contains(TICKETS)) database.createObjectStore(TICKETS);
});

/** Bucket records are keyed [eventId, bucket]; an array sorts after every string. */
const eventBuckets = (eventId: string) => IDBKeyRange.bound([eventId], [eventId, []]);
/** The id's random end (uuid v4 and v7 alike), so buckets fill evenly. */
const bucketOf = (ticketId: string) => ticketId.slice(-3).toLowerCase();

/** Replaces the event's stored list in one transaction: a failed save leaves the previous list. */
export function saveTicketList(eventId: string, list: OfflineTicketList): Promise<TicketListInfo> {
  const info: TicketListInfo = {
    at: list.at,
    downloadedAt: new Date().toISOString(),
    ticketTypes: list.ticketTypes,
    tickets: list.tickets.length,
    blocked: list.tickets.filter((t) => t.blocked).length,
    bytes: approximateBytes(list),
  };
  const buckets = new Map<string, ListedTicket[]>();
  for (const ticket of list.tickets) {
    const key = bucketOf(ticket.id);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(ticket);
    else buckets.set(key, [ticket]);
  }
  return db.run([LISTS, TICKETS], 'readwrite', (tx) => {
    const store = tx.objectStore(TICKETS);
    store.delete(eventBuckets(eventId));
    for (const [key, tickets] of buckets) store.put(tickets, [eventId, key]);
    tx.objectStore(LISTS).put(info, eventId);
    return info;
  });
}

export function loadTicketListInfo(eventId: string): Promise<TicketListInfo | null> {
  return db.run(LISTS, 'readonly', async (tx) => {
    const info = (await request(tx.objectStore(LISTS).get(eventId))) as TicketListInfo | undefined;
    return info ?? null;
  });
}

/** The ticket in the event's stored list; null when no list is stored. */
export function lookUpTicket(eventId: string, ticketId: string): Promise<ListLookup | null> {
  return db.run([LISTS, TICKETS], 'readonly', async (tx) => {
    const info = (await request(tx.objectStore(LISTS).get(eventId))) as TicketListInfo | undefined;
    if (!info) return null;
    const bucket = (await request(tx.objectStore(TICKETS).get([eventId, bucketOf(ticketId)]))) as
      ListedTicket[] | undefined;
    const id = ticketId.toLowerCase();
    const ticket = bucket?.find((t) => t.id.toLowerCase() === id);
    return { info, ticket: ticket ?? null, type: ticket ? (info.ticketTypes[ticket.type] ?? null) : null };
  });
}

export function deleteTicketList(eventId: string): Promise<void> {
  return db.run([LISTS, TICKETS], 'readwrite', (tx) => {
    tx.objectStore(TICKETS).delete(eventBuckets(eventId));
    tx.objectStore(LISTS).delete(eventId);
  });
}

/** Forgets every stored list (sign-out: the lists name ticket holders). */
export function deleteAllTicketLists(): Promise<void> {
  return db.run([LISTS, TICKETS], 'readwrite', (tx) => {
    tx.objectStore(TICKETS).clear();
    tx.objectStore(LISTS).clear();
  });
}

/** About as many bytes as the list took on the wire; the text is mostly ASCII. */
function approximateBytes(list: OfflineTicketList): number {
  try {
    return JSON.stringify(list).length;
  } catch {
    return 0;
  }
}
