import type { CandidateSeat } from './inventory.repository.js';

/**
 * Picks the best N free seats: the first row (in map order) with N adjacent seats; failing that,
 * the N seats nearest to the first free one. Pure, so it is tested on its own.
 */
export function pickBestSeats(free: CandidateSeat[], n: number): CandidateSeat[] {
  if (free.length < n) return [];
  const rows = new Map<string, CandidateSeat[]>();
  for (const seat of free) {
    const key = `${seat.sectionId}\u0000${seat.row}`;
    const row = rows.get(key);
    if (row) row.push(seat);
    else rows.set(key, [seat]);
  }
  for (const row of rows.values()) {
    row.sort((a, b) => a.sortOrder - b.sortOrder);
    let start = 0;
    for (let i = 1; i <= row.length; i++) {
      const broken = i === row.length || row[i].sortOrder !== row[i - 1].sortOrder + 1;
      if (broken) {
        if (i - start >= n) {
          // Centre the group in the run, so it does not strand single seats at both ends.
          const offset = Math.floor((i - start - n) / 2);
          return row.slice(start + offset, start + offset + n);
        }
        start = i;
      }
    }
  }
  const anchor = free[0];
  return [...free]
    .sort((a, b) => Math.hypot(a.x - anchor.x, a.y - anchor.y) - Math.hypot(b.x - anchor.x, b.y - anchor.y))
    .slice(0, n);
}

/** Free seats nearest to the ones asked for, as alternatives to offer. */
export function nearestAlternatives(free: CandidateSeat[], wanted: { x: number; y: number }[], n = 5): CandidateSeat[] {
  if (wanted.length === 0) return free.slice(0, n);
  const cx = wanted.reduce((s, w) => s + w.x, 0) / wanted.length;
  const cy = wanted.reduce((s, w) => s + w.y, 0) / wanted.length;
  return [...free].sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy)).slice(0, n);
}
