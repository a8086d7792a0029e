import type { CandidateSeat } from './inventory.repository.js';

/** For how many time-to-lives a seat reached for stays left out of later reads. */
const CARRY_READS = 8;

/** Reads the best free seats, leaving out the given ones (reached for lately, most likely being sold). */
export type SeatRead = (exclude: string[]) => Promise<CandidateSeat[]>;

/**
 * The best free seats of an event and scope, read for best-available picks and remembered for a
 * moment, minus the seats this instance has reached for since. A pick is only a proposal (the
 * database takes the seats or reports a collision), so a list a few hundred milliseconds old is good
 * enough, and buyers arriving together share one read instead of each parsing the window again.
 */
export class FreeSeatCache {
  private readonly entries = new Map<string, { seats: CandidateSeat[]; at: number; gone: Map<string, number> }>();
  private readonly reading = new Map<string, Promise<void>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered seats not reached for since, or null when there are none fresh enough. */
  get(key: string): CandidateSeat[] | null {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at > this.ttlMs) return null;
    return this.unreached(entry);
  }

  private unreached(entry: { seats: CandidateSeat[]; gone: Map<string, number> }): CandidateSeat[] {
    return entry.gone.size === 0 ? entry.seats : entry.seats.filter((s) => !entry.gone.has(s.id));
  }

  /**
   * The seats to pick from. A read younger than the time-to-live serves as it is; an older one (up
   * to the carry window) still serves while a new read runs in the background, so buyers never wait
   * for a read the list could have answered. `fresh` (after a collision) waits for a new read.
   */
  async seats(key: string, read: SeatRead, fresh = false): Promise<CandidateSeat[]> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (!fresh && entry && age <= this.ttlMs * CARRY_READS) {
      if (age > this.ttlMs) this.refresh(key, read).catch(() => undefined);
      return this.unreached(entry);
    }
    await this.refresh(key, read);
    const now = this.entries.get(key);
    return now ? this.unreached(now) : [];
  }

  /**
   * Reads anew, once for everyone asking at the same time: buyers who collided together, or who
   * arrived when the list was too old, share the read in flight rather than each scanning the seats.
   */
  async refresh(key: string, read: SeatRead): Promise<void> {
    let pending = this.reading.get(key);
    if (!pending) {
      pending = read(this.reached(key))
        .then((seats) => this.set(key, seats))
        .finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    await pending;
  }

  /**
   * A new read. Seats reached for during the last few reads that it still shows free stay left
   * out: their buyers are most likely still paying (a sale not yet committed is invisible).
   */
  set(key: string, seats: CandidateSeat[]): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const now = this.now();
    const gone = new Map<string, number>();
    const since = now - this.ttlMs * CARRY_READS;
    for (const [id, at] of this.entries.get(key)?.gone ?? []) if (at >= since) gone.set(id, at);
    this.entries.set(key, { seats, at: now, gone });
  }

  /** The seats reached for lately (within the carry window), for a read to leave out. */
  reached(key: string): string[] {
    const since = this.now() - this.ttlMs * CARRY_READS;
    return [...(this.entries.get(key)?.gone ?? [])].filter(([, at]) => at >= since).map(([id]) => id);
  }

  /** Seats taken (or found taken) since the read: later picks here leave them out. */
  gone(key: string, seatIds: Iterable<string>): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const now = this.now();
    for (const id of seatIds) entry.gone.set(id, now);
  }
}
