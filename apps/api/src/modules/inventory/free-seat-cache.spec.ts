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
});
