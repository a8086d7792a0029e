import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type Adjustment,
  checkRules,
  DEFAULT_POLICY,
  type PriceInput,
  type PricePolicy,
  type PriceRule,
  priceAt,
  type TimeStepRule,
} from './pricing-engine.js';

const DAY = 86_400_000;
const EVENT = new Date('2027-06-01T19:00:00Z');
const T0 = EVENT.getTime() - 120 * DAY;

const base = (overrides: Partial<PriceInput> = {}): PriceInput => ({
  basePrice: 5000,
  policy: DEFAULT_POLICY,
  rules: [],
  now: new Date(T0),
  eventStartsAt: EVENT,
  sold: 0,
  capacity: 100,
  recentSales: [],
  last: null,
  ...overrides,
});

// ---- generators -------------------------------------------------------------------------------
const percent = fc.integer({ min: -90, max: 200 }).map((value): Adjustment => ({ type: 'percent', value }));
const amount = fc.integer({ min: -2000, max: 5000 }).map((value): Adjustment => ({ type: 'amount', value }));
const adjustment = fc.oneof(percent, amount);
const limit = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null });

const policy: fc.Arbitrary<PricePolicy> = fc
  .record({
    a: limit,
    b: limit,
    roundTo: fc.constantFrom(1, 5, 10, 50, 100, 250),
    maxRisePerHour: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  })
  .map(({ a, b, roundTo, maxRisePerHour }) => {
    // A valid policy: the floor never above the ceiling.
    const floor = a !== null && b !== null ? Math.min(a, b) : a;
    const ceiling = a !== null && b !== null ? Math.max(a, b) : b;
    return { floor, ceiling, roundTo, maxRisePerHour };
  });

const sellThrough = fc
  .record({
    thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
    adjustments: fc.array(adjustment, { minLength: 4, maxLength: 4 }),
    floor: limit,
    ceiling: limit,
  })
  .map(({ thresholds, adjustments, floor, ceiling }): PriceRule => ({
    id: 'st',
    kind: 'sell_through',
    thresholds: [...thresholds].sort((x, y) => x - y).map((p, i) => ({ percent: p, adjustment: adjustments[i] })),
    floor,
    ceiling,
  }));

const velocity = fc
  .record({
    windowMinutes: fc.constantFrom(15, 60, 240),
    target: fc.integer({ min: 0, max: 50 }),
    above: fc.option(adjustment, { nil: null }),
    below: fc.option(adjustment, { nil: null }),
    floor: limit,
    ceiling: limit,
  })
  .map((r): PriceRule => ({ id: 'sv', kind: 'sales_velocity', ...r, above: r.above ?? { type: 'percent', value: 5 } }));

/** Non-overlapping time steps in time order, with values that never fall (so that the rules are valid). */
const timeSteps = fc
  .record({
    type: fc.constantFrom<'percent' | 'amount'>('percent', 'amount'),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 118 }), { minLength: 1, maxLength: 6 }),
    values: fc.array(fc.integer({ min: -80, max: 300 }), { minLength: 6, maxLength: 6 }),
    openStart: fc.boolean(),
    openEnd: fc.boolean(),
  })
  .map(({ type, cuts, values, openStart, openEnd }): TimeStepRule[] => {
    const days = [...cuts].sort((a, b) => b - a); // days before the event, far to near
    const sorted = [...values].sort((a, b) => a - b);
    if (days.length === 1) {
      // One step: an early bird until that day, or a rise from it.
      return [
        openStart
          ? {
              id: 'ts0',
              kind: 'time_step',
              untilDaysBeforeEvent: days[0],
              adjustment: { type, value: -Math.abs(sorted[0]) },
            }
          : {
              id: 'ts0',
              kind: 'time_step',
              fromDaysBeforeEvent: days[0],
              adjustment: { type, value: Math.abs(sorted[0]) },
            },
      ];
    }
    return days.slice(0, -1).map((from, i) => ({
      id: `ts${i}`,
      kind: 'time_step' as const,
      fromDaysBeforeEvent: i === 0 && openStart ? null : from,
      untilDaysBeforeEvent: i === days.length - 2 && openEnd ? null : days[i + 1],
      adjustment: { type, value: sorted[i] },
    }));
  });

const anyRules = fc
  .tuple(timeSteps, fc.option(sellThrough, { nil: null }), fc.option(velocity, { nil: null }), fc.boolean())
  .map(([steps, st, sv, demandFirst]) => {
    const demand = [st, sv].filter((r): r is PriceRule => r !== null);
    return demandFirst ? [...demand, ...steps] : [...steps, ...demand];
  });

const moment = fc.integer({ min: T0 - 30 * DAY, max: EVENT.getTime() + DAY }).map((t) => new Date(t));

const inputs = fc
  .record({
    basePrice: fc.integer({ min: 0, max: 20_000 }),
    policy,
    rules: anyRules,
    now: moment,
    sold: fc.integer({ min: 0, max: 500 }),
    capacity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
    recent: fc.integer({ min: 0, max: 100 }),
    last: fc.option(
      fc.record({ price: fc.integer({ min: 0, max: 20_000 }), hoursAgo: fc.integer({ min: 0, max: 200 }) }),
      { nil: null },
    ),
  })
  .map((r): PriceInput => ({
    basePrice: r.basePrice,
    policy: r.policy,
    rules: r.rules,
    now: r.now,
    eventStartsAt: EVENT,
    sold: r.capacity === null ? r.sold : Math.min(r.sold, r.capacity),
    capacity: r.capacity,
    recentSales: [15, 60, 240].map((w) => ({ windowMinutes: w, count: r.recent })),
    last: r.last ? { price: r.last.price, at: new Date(r.now.getTime() - r.last.hoursAgo * 3_600_000) } : null,
  }));

const valid = (i: PriceInput) => checkRules(i).length === 0;

// ---- properties -------------------------------------------------------------------------------
describe('pricing engine properties', () => {
  it('the price is always within the floor and the ceiling, and never negative', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        fc.pre(valid(input));
        const { unitPrice } = priceAt(input);
        expect(Number.isInteger(unitPrice)).toBe(true);
        expect(unitPrice).toBeGreaterThanOrEqual(Math.max(0, input.policy.floor ?? 0));
        if (input.policy.ceiling !== null) expect(unitPrice).toBeLessThanOrEqual(input.policy.ceiling);
      }),
      { numRuns: 2000 },
    );
  });

  it('with time steps, the price never falls as time passes (all else equal)', () => {
    fc.assert(
      fc.property(inputs, moment, moment, (input, a, b) => {
        fc.pre(valid(input));
        const [early, late] = a <= b ? [a, b] : [b, a];
        // The rise cap is measured from one fixed last price, so it only loosens with time.
        const p1 = priceAt({ ...input, now: early }).unitPrice;
        const p2 = priceAt({ ...input, now: late }).unitPrice;
        expect(p2).toBeGreaterThanOrEqual(p1);
      }),
      { numRuns: 2000 },
    );
  });

  it('the same inputs give the same price and the same explanation', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const copy: PriceInput = structuredClone(input);
        expect(priceAt(copy)).toEqual(priceAt(input));
      }),
      { numRuns: 500 },
    );
  });

  it('the price is a price point whenever one lies between the floor and the ceiling', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        fc.pre(valid(input));
        const step = input.policy.roundTo;
        const lo = Math.max(0, input.policy.floor ?? 0);
        const hi = input.policy.ceiling ?? Infinity;
        fc.pre(Math.ceil(lo / step) * step <= hi);
        expect(priceAt(input).unitPrice % step).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never rises faster than the cap allows, unless the floor demands it', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        fc.pre(valid(input) && input.last !== null && input.policy.maxRisePerHour !== null);
        const last = input.last!;
        const hours = (input.now.getTime() - last.at.getTime()) / 3_600_000;
        const cap = last.price + Math.floor(input.policy.maxRisePerHour! * hours);
        // The floor is hard: when the cap is below it, the price is the lowest price point at or above the floor.
        const lo = Math.max(0, input.policy.floor ?? 0);
        const floorPoint = Math.ceil(lo / input.policy.roundTo) * input.policy.roundTo;
        expect(priceAt(input).unitPrice).toBeLessThanOrEqual(Math.max(cap, floorPoint));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- examples ---------------------------------------------------------------------------------
describe('pricing engine examples', () => {
  const earlyBird: PriceRule = {
    id: 'eb',
    kind: 'time_step',
    label: 'Early bird',
    until: new Date(T0 + 10 * DAY).toISOString(),
    adjustment: { type: 'percent', value: -20 },
  };
  const lastWeek: PriceRule = {
    id: 'lw',
    kind: 'time_step',
    fromDaysBeforeEvent: 7,
    adjustment: { type: 'percent', value: 10 },
  };

  it('early bird, base, then a rise in the last week; each quote names its rules', () => {
    const rules = [earlyBird, lastWeek];
    expect(checkRules({ basePrice: 5000, policy: DEFAULT_POLICY, rules, eventStartsAt: EVENT })).toEqual([]);
    const early = priceAt(base({ rules }));
    expect(early.unitPrice).toBe(4000);
    expect(early.rules).toEqual([
      expect.objectContaining({
        id: 'eb',
        kind: 'time_step',
        effect: -1000,
        explanation: expect.stringContaining('-20%'),
      }),
    ]);
    expect(priceAt(base({ rules, now: new Date(T0 + 20 * DAY) })).unitPrice).toBe(5000);
    const late = priceAt(base({ rules, now: new Date(EVENT.getTime() - 2 * DAY) }));
    expect(late.unitPrice).toBe(5500);
    expect(late.rules.map((r) => r.id)).toEqual(['lw']);
  });

  it('sell-through picks the highest threshold reached, within its own ceiling', () => {
    const rule: PriceRule = {
      id: 'st',
      kind: 'sell_through',
      thresholds: [
        { percent: 50, adjustment: { type: 'percent', value: 10 } },
        { percent: 80, adjustment: { type: 'percent', value: 30 } },
      ],
      ceiling: 6000,
    };
    expect(priceAt(base({ rules: [rule], sold: 49 })).unitPrice).toBe(5000);
    expect(priceAt(base({ rules: [rule], sold: 50 })).unitPrice).toBe(5500);
    const high = priceAt(base({ rules: [rule], sold: 90 }));
    expect(high.unitPrice).toBe(6000);
    expect(high.rules[0].explanation).toContain('ceiling');
  });

  it('sales speed above target raises, below lowers (to its floor)', () => {
    const rule: PriceRule = {
      id: 'sv',
      kind: 'sales_velocity',
      windowMinutes: 60,
      target: 10,
      above: { type: 'amount', value: 500 },
      below: { type: 'amount', value: -1500 },
      floor: 4000,
    };
    expect(priceAt(base({ rules: [rule], recentSales: [{ windowMinutes: 60, count: 11 }] })).unitPrice).toBe(5500);
    expect(priceAt(base({ rules: [rule], recentSales: [{ windowMinutes: 60, count: 10 }] })).unitPrice).toBe(5000);
    expect(priceAt(base({ rules: [rule], recentSales: [{ windowMinutes: 60, count: 2 }] })).unitPrice).toBe(4000);
  });

  it('rounds to price points and caps the rise per hour', () => {
    const rule: PriceRule = {
      id: 'st',
      kind: 'sell_through',
      thresholds: [{ percent: 10, adjustment: { type: 'percent', value: 33 } }],
    };
    const policy = { floor: null, ceiling: null, roundTo: 50, maxRisePerHour: 600 };
    expect(priceAt(base({ rules: [rule], sold: 20, policy: { ...policy, maxRisePerHour: null } })).unitPrice).toBe(
      6650,
    );
    const capped = priceAt(
      base({ rules: [rule], sold: 20, policy, last: { price: 5000, at: new Date(T0 - 3_600_000) } }),
    );
    expect(capped.unitPrice).toBe(5600);
    expect(capped.rules.map((r) => r.kind)).toEqual(['sell_through', 'rise_cap']);
  });

  it('refuses bad rules with codes', () => {
    const codes = (rules: PriceRule[], policy: PricePolicy = DEFAULT_POLICY, basePrice = 5000) =>
      checkRules({ basePrice, policy, rules, eventStartsAt: EVENT }).map((p) => p.code);
    expect(codes([], { ...DEFAULT_POLICY, floor: 6000, ceiling: 5000 })).toEqual(['FLOOR_ABOVE_CEILING']);
    expect(
      codes([
        earlyBird,
        {
          id: 'x',
          kind: 'time_step',
          until: new Date(T0 + 20 * DAY).toISOString(),
          adjustment: { type: 'percent', value: -10 },
        },
      ]),
    ).toContain('OVERLAPPING_TIME_STEPS');
    expect(
      codes([{ id: 'x', kind: 'time_step', fromDaysBeforeEvent: 3, adjustment: { type: 'amount', value: -6000 } }]),
    ).toContain('NEGATIVE_PRICE');
    expect(
      codes([{ id: 'x', kind: 'time_step', fromDaysBeforeEvent: 3, adjustment: { type: 'percent', value: -10 } }]),
    ).toEqual(['TIME_STEPS_NOT_MONOTONE']);
    expect(
      codes([
        {
          id: 'x',
          kind: 'sell_through',
          thresholds: [{ percent: 50, adjustment: { type: 'percent', value: 10 } }],
          floor: 7000,
          ceiling: 6000,
        },
      ]),
    ).toEqual(['FLOOR_ABOVE_CEILING']);
  });
});
