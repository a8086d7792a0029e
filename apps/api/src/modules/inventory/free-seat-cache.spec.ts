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
    // Nothing read yet: the first buyer waits for the read.
    const first = cache.seats('e', read);
    reads[0]([seat('a1'), seat('a2'), seat('a3')]);
    expect((await first).map((s) => s.id)).toEqual(['a1', 'a2', 'a3']);
    cache.gone('e', ['a1']);
    // Past its time to live, the list still answers at once (minus what was reached for), and one
    // new read starts in the background.
    now += 300;
    expect((await cache.seats('e', read)).map((s) => s.id)).toEqual(['a2', 'a3']);
    expect((await cache.seats('e', read)).map((s) => s.id)).toEqual(['a2', 'a3']);
    expect(reads).toHaveLength(2);
    // A buyer who collided waits for that read, which was told to leave out the seat reached for
    // (and it stays left out should the database still show it free).
    expect(excluded).toEqual([[], ['a1']]);
    const afterCollision = cache.seats('e', read, true);
    reads[1]([seat('a1'), seat('a3'), seat('a4')]);
    expect((await afterCollision).map((s) => s.id)).toEqual(['a3', 'a4']);
    expect(reads).toHaveLength(2);
    // A list older than the carry window is not served: the buyer waits for a new read.
    now += 5_000;
    const late = cache.seats('e', read);
    expect(reads).toHaveLength(3);
    reads[2]([seat('a9')]);
    expect((await late).map((s) => s.id)).toEqual(['a9']);
  });
});
