import { describe, expect, it } from '@jest/globals';
import { FreeSeatCache } from './free-seat-cache.js';
import type { CandidateSeat } from './inventory.repository.js';

const seat = (id: string): CandidateSeat => ({
  id,
  sectionId: 's',
  sectionOrder: 0,
  row: 'A',
  sortOrder: Number(id.slice(1)),
  x: 0,
  y: 0,
});

const firstOne = (free: CandidateSeat[]) => free.slice(0, 1);

describe('FreeSeatCache', () => {
  it('serves a read until it is too old, leaving out the seats reached for since', () => {
    let now = 1_000;
    const cache = new FreeSeatCache(250, 10, () => now);
    expect(cache.get('e')).toBeNull();
    cache.set('e', [seat('a1'), seat('a2'), seat('a3')]);
    cache.gone('e', ['a2']);
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a1', 'a3']);
    now += 250;
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a1', 'a3']);
    now += 1;
    expect(cache.get('e')).toBeNull();
    // A new read soon after still leaves out what was reached for (its buyer is probably paying)...
    cache.set('e', [seat('a1'), seat('a2')]);
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a1']);
    // ...but not once that is long past.
    now += 2_000;
    cache.set('e', [seat('a1'), seat('a2')]);
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a1', 'a2']);
  });

  it('keeps at most its limit of entries', () => {
    const cache = new FreeSeatCache(1_000, 2);
    cache.set('a', [seat('a1')]);
    cache.set('b', [seat('a1')]);
    cache.set('c', [seat('a1')]);
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.length]).toEqual([null, null, 1]);
  });

  it('shares one read among buyers asking at the same time', async () => {
    const cache = new FreeSeatCache(250);
    let reads = 0;
    let finish: (seats: CandidateSeat[]) => void = () => undefined;
    const read = () => {
      reads++;
      return new Promise<CandidateSeat[]>((resolve) => (finish = resolve));
    };
    const asking = [cache.refresh('e', read), cache.refresh('e', read), cache.refresh('e', read)];
    finish([seat('a1'), seat('a2')]);
    await Promise.all(asking);
    expect(reads).toBe(1);
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a1', 'a2']);
    // Once that read is done, the next refresh reads again.
    const again = cache.refresh('e', read);
    finish([seat('a2')]);
    await again;
    expect(reads).toBe(2);
    expect(cache.get('e')?.map((s) => s.id)).toEqual(['a2']);
  });

  it('serves an older read while a new one runs, and waits only when there is none or a fresh one is asked for', async () => {
    let now = 1_000;
    const cache = new FreeSeatCache(250, 10, () => now);
    const reads: ((seats: CandidateSeat[]) => void)[] = [];
    const excluded: string[][] = [];
    const read = (exclude: string[]) => {
      excluded.push(exclude);
      return new Promise<CandidateSeat[]>((resolve) => reads.push(resolve));
    };
    const ids = (seats: CandidateSeat[]) => seats.map((s) => s.id);
    // Nothing read yet: the first buyer waits for the read.
    const first = cache.take('e', read, firstOne);
    reads[0]([seat('a1'), seat('a2'), seat('a3'), seat('a4'), seat('a5'), seat('a6')]);
    expect(ids(await first)).toEqual(['a1']);
    // Past its time to live, the list still answers at once (minus what was reached for), and one
    // new read starts in the background.
    now += 300;
    expect(ids(await cache.take('e', read, firstOne))).toEqual(['a2']);
    expect(ids(await cache.take('e', read, firstOne))).toEqual(['a3']);
    expect(reads).toHaveLength(2);
    // A buyer who asks for a fresh list waits for that read, which was told to leave out the seat
    // reached for (and it stays left out should the database still show it free).
    expect(excluded).toEqual([[], ['a1']]);
    const fresh = cache.take('e', read, firstOne, true);
    reads[1]([seat('a1'), seat('a3'), seat('a7')]);
    expect(ids(await fresh)).toEqual(['a7']);
    expect(reads).toHaveLength(2);
    // A list older than the carry window is not served: the buyer waits for a new read.
    now += 5_000;
    const late = cache.take('e', read, firstOne);
    expect(reads).toHaveLength(3);
    reads[2]([seat('a9')]);
    expect(ids(await late)).toEqual(['a9']);
  });

  it('never gives two buyers sharing a read the same seats', async () => {
    const cache = new FreeSeatCache(250);
    let finish: (seats: CandidateSeat[]) => void = () => undefined;
    const read = () => new Promise<CandidateSeat[]>((resolve) => (finish = resolve));
    const buyers = Array.from({ length: 5 }, () => cache.take('e', read, (free) => free.slice(0, 2)));
    finish(Array.from({ length: 10 }, (_, i) => seat(`a${i}`)));
    const picks = (await Promise.all(buyers)).flat().map((s) => s.id);
    expect(picks).toHaveLength(10);
    expect(new Set(picks).size).toBe(10);
    // The list is used up: the next buyer's pick is empty and marks nothing.
    expect(await cache.take('e', read, (free) => free.slice(0, 2))).toEqual([]);
  });

  it('reads again in the background when the list runs low or a pick collided', async () => {
    let now = 1_000;
    const cache = new FreeSeatCache(250, 10, () => now, 2);
    let reads = 0;
    const read = () => {
      reads++;
      return Promise.resolve(Array.from({ length: 4 }, (_, i) => seat(`a${i}`)));
    };
    await cache.take('e', read, firstOne);
    expect(reads).toBe(1);
    // Picks choose among the first two unreached seats only.
    const seen: string[][] = [];
    await cache.take('e', read, (free) => (seen.push(free.map((s) => s.id)), free.slice(0, 1)));
    expect(seen).toEqual([['a1', 'a2']]);
    expect(reads).toBe(1);
    // Half the read is taken: the next pick still answers from it, and a new read starts.
    await cache.take('e', read, firstOne);
    expect(reads).toBe(2);
    await new Promise((r) => setImmediate(r));
    // A collision makes the (new, young) list count as old: the next pick starts another read.
    now += 10;
    cache.collided('e');
    await cache.take('e', read, firstOne);
    expect(reads).toBe(3);
  });

  it('spreads picks only in a rush: 1 for a buyer alone, growing with recent picks, fading after', async () => {
    let now = 1_000;
    const cache = new FreeSeatCache(250, 10, () => now);
    expect(cache.spread('k', 256)).toBe(1);
    cache.set(
      'k',
      Array.from({ length: 100 }, (_x, i) => seat(`A${i}`)),
    );
    for (let i = 0; i < 40; i++) await cache.take('k', async () => [], firstOne);
    expect(cache.spread('k', 256)).toBe(40);
    expect(cache.spread('k', 16)).toBe(16);
    expect(cache.spread('other', 256)).toBe(1);
    now += 250;
    expect(cache.spread('k', 256)).toBe(14);
    now += 250 * 4;
    expect(cache.spread('k', 256)).toBe(1);
  });
});
