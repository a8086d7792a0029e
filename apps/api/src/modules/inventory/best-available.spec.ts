import { describe, expect, it } from '@jest/globals';
import { pickBestSeats } from './best-available.js';
import type { CandidateSeat } from './inventory.repository.js';

const row = (name: string, from: number, to: number, y = 0): CandidateSeat[] =>
  Array.from({ length: to - from + 1 }, (_x, i) => ({
    id: `${name}${from + i}`,
    sectionId: 's1',
    sectionOrder: 0,
    row: name,
    sortOrder: from + i,
    x: from + i,
    y,
  }));

describe('pickBestSeats', () => {
  it('takes N adjacent seats centred in the first row that has them', () => {
    const free = [...row('A', 1, 2), ...row('B', 1, 9, 1)];
    expect(pickBestSeats(free, 3).map((s) => s.id)).toEqual(['B4', 'B5', 'B6']);
  });

  it('with a spread, draws among the best groups beside the centre, never overlapping within a run', () => {
    const free = row('A', 1, 10);
    const picks = [0, 0.34, 0.67, 0.99].map((r) => pickBestSeats(free, 2, 3, () => r).map((s) => s.id));
    expect(picks).toEqual([
      ['A5', 'A6'],
      ['A3', 'A4'],
      ['A7', 'A8'],
      ['A7', 'A8'],
    ]);
  });

  it('falls back to the nearest seats when no row has N together, and to nothing when too few are free', () => {
    const free = [...row('A', 1, 1), ...row('A', 3, 3), ...row('B', 5, 5, 1)];
    expect(pickBestSeats(free, 2).map((s) => s.id)).toEqual(['A1', 'A3']);
    expect(pickBestSeats(free, 4)).toEqual([]);
  });
});
