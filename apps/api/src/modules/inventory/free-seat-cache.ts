import type { CandidateSeat } from './inventory.repository.js';

/**
 * The best free seats of an event and scope, read for best-available picks and remembered for a
 * moment, minus the seats this instance has reached for since. A pick is only a proposal (the
 * database takes the seats or reports a collision), so a list a few hundred milliseconds old is good
 * enough, and buyers arriving together share one read instead of each parsing the window again.
 */
export class FreeSeatCache {
  private readonly entries = new Map<string, { seats: CandidateSeat[]; at: number; gone: Set<string> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered seats not reached for since, or null when there are none fresh enough. */
  get(key: string): CandidateSeat[] | null {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at > this.ttlMs) return null;
    return entry.gone.size === 0 ? entry.seats : entry.seats.filter((s) => !entry.gone.has(s.id));
  }

  set(key: string, seats: CandidateSeat[]): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { seats, at: this.now(), gone: new Set() });
  }

  /** Seats taken (or found taken) since the read: later picks here leave them out. */
  gone(key: string, seatIds: Iterable<string>): void {
    const entry = this.entries.get(key);
    if (entry) for (const id of seatIds) entry.gone.add(id);
  }
}
