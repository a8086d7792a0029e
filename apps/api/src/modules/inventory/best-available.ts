import type { CandidateSeat } from './inventory.repository.js';

/** Whose free-seat read a best-available pick may share: the same event, type and scope. */
export const bestSeatsKey = (
  eventId: string,
  typeId: string,
  want: { sectionId?: string | null; priceZoneId?: string | null },
) => [eventId, typeId, want.sectionId ?? '', want.priceZoneId ?? ''].join(':');

/** Optimistic best-available attempts before queueing behind the event's lock. */
export const BEST_AVAILABLE_ATTEMPTS = 4;
/** Free seats read per attempt (in map order); all of them only when these hold no group. */
export const BEST_AVAILABLE_WINDOW = 400;
/**
 * Free seats in the shared list of the one-round-trip sale: picks use the first window of them, the
 * rest is the reserve that lasts while the next read runs (a read under full load takes tens of ms).
 */
export const FREE_SEATS_LIST = 1000;
/**
 * At most this many best groups a buyer draws among in a rush, so buyers arriving together rarely
 * reach for the same seats; a buyer alone gets the best group (see FreeSeatCache.spread).
 */
export const BEST_AVAILABLE_SPREAD = 256;
/** How long one read of the free seats serves the picks of buyers arriving together. */
export const FREE_SEATS_FRESH_MS = 250;

/**
 * Picks the best N free seats: N adjacent seats in the first row (in map order) that has them,
 * drawn at random among the first `spread` such groups; failing that, the N seats nearest to the
 * first free one. Pure, so it is tested on its own.
 */
export function pickBestSeats(free: CandidateSeat[], n: number, spread = 1, random = Math.random): CandidateSeat[] {
  if (free.length < n) return [];
  const groups = adjacentGroups(free, n, spread);
  if (groups.length > 0) return groups[Math.floor(random() * groups.length)];
  const anchor = free[0];
  return [...free]
    .sort((a, b) => Math.hypot(a.x - anchor.x, a.y - anchor.y) - Math.hypot(b.x - anchor.x, b.y - anchor.y))
    .slice(0, n);
}

/**
 * The first `limit` groups of N adjacent free seats, best first (rows in map order, each group
 * centred in its run of free seats). Buyers arriving together draw among the first few, so they
 * rarely reach for the same seats.
 */
function adjacentGroups(free: CandidateSeat[], n: number, limit: number): CandidateSeat[][] {
  const rows = new Map<string, CandidateSeat[]>();
  for (const seat of free) {
    const key = `${seat.sectionId}\u0000${seat.row}`;
    const row = rows.get(key);
    if (row) row.push(seat);
    else rows.set(key, [seat]);
  }
  const groups: CandidateSeat[][] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.sortOrder - b.sortOrder);
    let start = 0;
    for (let i = 1; i <= row.length; i++) {
      const broken = i === row.length || row[i].sortOrder !== row[i - 1].sortOrder + 1;
      if (!broken) continue;
      // The best group is centred in the run, so it does not strand single seats at both ends;
      // the next ones sit beside it, alternately left and right.
      const centre = start + Math.floor((i - start - n) / 2);
      for (let k = 0; i - start >= n && groups.length < limit; k++) {
        const left = centre - k * n;
        const right = centre + k * n;
        if (left < start && right + n > i) break;
        if (left >= start) groups.push(row.slice(left, left + n));
        if (k > 0 && right + n <= i && groups.length < limit) groups.push(row.slice(right, right + n));
      }
      if (groups.length >= limit) return groups;
      start = i;
    }
  }
  return groups;
}

/** Free seats nearest to the ones asked for, as alternatives to offer. */
export function nearestAlternatives(free: CandidateSeat[], wanted: { x: number; y: number }[], n = 5): CandidateSeat[] {
  if (wanted.length === 0) return free.slice(0, n);
  const cx = wanted.reduce((s, w) => s + w.x, 0) / wanted.length;
  const cy = wanted.reduce((s, w) => s + w.y, 0) / wanted.length;
  return [...free].sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy)).slice(0, n);
}
