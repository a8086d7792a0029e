import type { CandidateSeat } from './inventory.repository.js';

/** For how many time-to-lives a seat reached for stays left out of later reads. */
const CARRY_READS = 8;

/** A list with at most 1/LOW_SHARE of its seats left unreached is read again in the background. */
const LOW_SHARE = 2;

/** One read: the seats, when it was made, and the seats reached for since (by when). */
interface Entry {
  seats: CandidateSeat[];
  at: number;
  gone: Map<string, number>;
  /** Seats picked from this read. */
  taken: number;
}

/** Reads the best free seats, leaving out the given ones (reached for lately, most likely being sold). */
export type SeatRead = (exclude: string[]) => Promise<CandidateSeat[]>;

/**
 * The best free seats of an event and scope, read for best-available picks and remembered for a
 * moment, minus the seats this instance has reached for since. A pick is only a proposal (the
 * database takes the seats or reports a collision), so a list a few hundred milliseconds old is good
 * enough, and buyers arriving together share one read instead of each parsing the window again.
 */
export class FreeSeatCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<void>>();
  /** Picks made lately per key, decaying over one time-to-live: how many buyers arrive together. */
  private readonly pace = new Map<string, { picks: number; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
    /** A pick chooses among the first this many unreached seats; the rest of a read is the reserve. */
    private readonly pickFrom = 400,
  ) {}

  /** The remembered seats not reached for since, or null when there are none fresh enough. */
  get(key: string): CandidateSeat[] | null {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at > this.ttlMs) return null;
    return this.unreached(entry);
  }

  /** The read's seats not reached for since, the first `limit` of them. */
  private unreached(entry: Entry, limit = Infinity): CandidateSeat[] {
    if (entry.gone.size === 0) return limit < entry.seats.length ? entry.seats.slice(0, limit) : entry.seats;
    const free: CandidateSeat[] = [];
    for (const seat of entry.seats) {
      if (entry.gone.has(seat.id)) continue;
      if (free.push(seat) >= limit) break;
    }
    return free;
  }

  /**
   * Picks seats with `choose` and marks them reached for in the same step, so buyers sharing a list
   * (or a read they waited for together) never reach for the same seats. A read younger than the
   * time-to-live serves as it is; an older one (up to the carry window), or one running low, still
   * serves while a new read runs in the background, so buyers never wait for a read the list could
   * have answered. `fresh` waits for a new read. An empty pick marks nothing.
   */
  async take(
    key: string,
    read: SeatRead,
    choose: (free: CandidateSeat[]) => CandidateSeat[],
    fresh = false,
  ): Promise<CandidateSeat[]> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (!fresh && entry && age <= this.ttlMs * CARRY_READS) {
      if (age > this.ttlMs || (entry.seats.length - entry.taken) * LOW_SHARE <= entry.seats.length)
        this.refresh(key, read).catch(() => undefined);
      return this.picked(key, this.mark(entry, choose(this.unreached(entry, this.pickFrom))));
    }
    await this.refresh(key, read);
    const now = this.entries.get(key);
    return now ? this.picked(key, this.mark(now, choose(this.unreached(now, this.pickFrom)))) : [];
  }

  /** A pick collided with a sale this list did not know of: the next pick starts a new read. */
  collided(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.at = Math.min(entry.at, this.now() - this.ttlMs - 1);
  }

  private mark(entry: Entry, picked: CandidateSeat[]): CandidateSeat[] {
    const now = this.now();
    for (const seat of picked) entry.gone.set(seat.id, now);
    entry.taken += picked.length;
    return picked;
  }

  /**
   * Among how many of the best groups the next buyer draws: 1 (the best seats) for a buyer alone,
   * up to `max` in a rush, growing with the picks made within about one time-to-live, so
   * buyers arriving together (here or on another instance) rarely reach for the same seats.
   */
  spread(key: string, max: number): number {
    const p = this.pace.get(key);
    if (!p) return 1;
    const left = p.picks * Math.exp(-(this.now() - p.at) / this.ttlMs);
    return Math.max(1, Math.min(max, Math.floor(left)));
  }

  /** Counts one pick into the key's pace. */
  private paced(key: string): void {
    const now = this.now();
    const p = this.pace.get(key);
    const left = p ? p.picks * Math.exp(-(now - p.at) / this.ttlMs) : 0;
    if (!p && this.pace.size >= this.maxEntries) this.pace.clear();
    this.pace.set(key, { picks: left + 1, at: now });
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
    this.entries.set(key, { seats, at: now, gone, taken: 0 });
  }

  /** The seats reached for lately (within the carry window), for a read to leave out. */
  reached(key: string): string[] {
    const since = this.now() - this.ttlMs * CARRY_READS;
    return [...(this.entries.get(key)?.gone ?? [])].filter(([, at]) => at >= since).map(([id]) => id);
  }

  private picked(key: string, seats: CandidateSeat[]): CandidateSeat[] {
    if (seats.length) this.paced(key);
    return seats;
  }

  /** Seats taken (or found taken) since the read: later picks here leave them out. */
  gone(key: string, seatIds: Iterable<string>): void {
    const ids = [...seatIds];
    if (ids.length) this.paced(key);
    const entry = this.entries.get(key);
    if (!entry) return;
    const now = this.now();
    for (const id of ids) entry.gone.set(id, now);
  }
}
