/**
 * The Pricing Engine: the price of a ticket type at a moment, from its base price and its ordered
 * rules. Pure: no Nest, no IO, no clock; the same input always gives the same answer.
 *
 * Order of work: every rule in its order (time steps, sell-through, sales speed), each demand rule
 * kept within its own floor and ceiling; then the type's floor and ceiling; then the cap on how
 * fast the price may rise per hour since the last published price; then rounding to a price point.
 * The floor and ceiling are hard: the answer is always within them.
 */

export type Adjustment = { type: 'percent' | 'amount'; value: number };

export interface TimeStepRule {
  id: string;
  kind: 'time_step';
  label?: string | null;
  /** The step starts at this moment, or this many days before the event (neither: from the start of sales). */
  from?: string | null;
  fromDaysBeforeEvent?: number | null;
  /** The step ends at this moment, or this many days before the event (neither: until the event). */
  until?: string | null;
  untilDaysBeforeEvent?: number | null;
  adjustment: Adjustment;
}

export interface SellThroughRule {
  id: string;
  kind: 'sell_through';
  label?: string | null;
  /** Ascending; the highest threshold reached applies. */
  thresholds: { percent: number; adjustment: Adjustment }[];
  floor?: number | null;
  ceiling?: number | null;
}

export interface SalesVelocityRule {
  id: string;
  kind: 'sales_velocity';
  label?: string | null;
  windowMinutes: number;
  /** Tickets the organiser expects to sell per window. */
  target: number;
  /** Applies when more than the target sold in the window. */
  above?: Adjustment | null;
  /** Applies when fewer than the target sold in the window. */
  below?: Adjustment | null;
  floor?: number | null;
  ceiling?: number | null;
}

export type PriceRule = TimeStepRule | SellThroughRule | SalesVelocityRule;
export type PriceRuleKind = PriceRule['kind'];
export const PRICE_RULE_KINDS: PriceRuleKind[] = ['time_step', 'sell_through', 'sales_velocity'];

export interface PricePolicy {
  floor: number | null;
  ceiling: number | null;
  /** Prices are multiples of this many minor units (50: .00 and .50). */
  roundTo: number;
  /** The most the price may rise per hour since the last published price, minor units. */
  maxRisePerHour: number | null;
}

export const DEFAULT_POLICY: PricePolicy = { floor: null, ceiling: null, roundTo: 1, maxRisePerHour: null };

export interface PriceInput {
  basePrice: number;
  policy: PricePolicy;
  rules: PriceRule[];
  now: Date;
  eventStartsAt: Date;
  sold: number;
  capacity: number | null;
  /** Tickets sold in the last `windowMinutes`, for each window a sales-speed rule looks at. */
  recentSales: { windowMinutes: number; count: number }[];
  /** The price last published, and when: the base of the rise cap. */
  last: { price: number; at: Date } | null;
}

/** What shaped a price: a rule, the type's own limits, or (in quotes) a promo code. */
export type AppliedKind = PriceRuleKind | 'floor' | 'ceiling' | 'rise_cap' | 'rounding' | 'promo';

export interface AppliedRule {
  /** The rule's id; for the type's own limits, `policy:<kind>`. */
  id: string;
  kind: AppliedKind;
  /** Minor units this step added (negative: took off). */
  effect: number;
  explanation: string;
}

export interface PriceResult {
  unitPrice: number;
  basePrice: number;
  rules: AppliedRule[];
}

export interface RuleProblem {
  code: string;
  field: string;
  message: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const money = (minor: number) => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

const describe = (a: Adjustment) =>
  a.type === 'percent' ? `${a.value >= 0 ? '+' : ''}${a.value}%` : `${a.value >= 0 ? '+' : ''}${money(a.value)}`;

export function applyAdjustment(a: Adjustment, price: number): number {
  return a.type === 'percent' ? Math.round((price * (100 + a.value)) / 100) : price + a.value;
}

/** A demand rule moves the price only toward its limit: a rise stops at its ceiling, a fall at its floor. */
function withinRule(prev: number, next: number, floor?: number | null, ceiling?: number | null): number {
  if (next > prev && ceiling != null) return Math.max(prev, Math.min(next, ceiling));
  if (next < prev && floor != null) return Math.min(prev, Math.max(next, floor));
  return next;
}

/** The moments a time step starts and ends (infinite when open). */
export function windowOf(rule: TimeStepRule, eventStartsAt: Date): { start: number; end: number } {
  const start =
    rule.from != null
      ? Date.parse(rule.from)
      : rule.fromDaysBeforeEvent != null
        ? eventStartsAt.getTime() - rule.fromDaysBeforeEvent * DAY_MS
        : -Infinity;
  const end =
    rule.until != null
      ? Date.parse(rule.until)
      : rule.untilDaysBeforeEvent != null
        ? eventStartsAt.getTime() - rule.untilDaysBeforeEvent * DAY_MS
        : Infinity;
  return { start, end };
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function explainTimeStep(rule: TimeStepRule, eventStartsAt: Date): string {
  const { start, end } = windowOf(rule, eventStartsAt);
  const name = rule.label ?? (start === -Infinity ? 'Early bird' : 'Time step');
  const fromText =
    rule.fromDaysBeforeEvent != null
      ? ` from ${rule.fromDaysBeforeEvent} days before the event`
      : start !== -Infinity
        ? ` from ${when(start)}`
        : '';
  const untilText =
    rule.untilDaysBeforeEvent != null
      ? ` until ${rule.untilDaysBeforeEvent} days before the event`
      : end !== Infinity
        ? ` until ${when(end)}`
        : '';
  return `${name}${fromText}${untilText}: ${describe(rule.adjustment)}`;
}

/** The price at `input.now`, with every step that shaped it. */
export function priceAt(input: PriceInput): PriceResult {
  const { policy } = input;
  const applied: AppliedRule[] = [];
  let price = input.basePrice;

  for (const rule of input.rules) {
    const before = price;
    switch (rule.kind) {
      case 'time_step': {
        const { start, end } = windowOf(rule, input.eventStartsAt);
        const t = input.now.getTime();
        if (t < start || t >= end) continue;
        price = applyAdjustment(rule.adjustment, price);
        applied.push({
          id: rule.id,
          kind: rule.kind,
          effect: price - before,
          explanation: explainTimeStep(rule, input.eventStartsAt),
        });
        break;
      }
      case 'sell_through': {
        if (!input.capacity) continue;
        const percent = (input.sold / input.capacity) * 100;
        let reached: SellThroughRule['thresholds'][number] | null = null;
        for (const th of rule.thresholds)
          if (percent >= th.percent && (!reached || th.percent > reached.percent)) reached = th;
        if (!reached) continue;
        price = withinRule(before, applyAdjustment(reached.adjustment, price), rule.floor, rule.ceiling);
        applied.push({
          id: rule.id,
          kind: rule.kind,
          effect: price - before,
          explanation: `${rule.label ?? 'Demand'}: ${Math.floor(percent)}% sold (threshold ${reached.percent}%): ${describe(reached.adjustment)}${limitNote(price, before, reached.adjustment, rule)}`,
        });
        break;
      }
      case 'sales_velocity': {
        const count = input.recentSales.find((r) => r.windowMinutes === rule.windowMinutes)?.count ?? 0;
        const adj = count > rule.target ? rule.above : count < rule.target ? rule.below : null;
        if (!adj) continue;
        price = withinRule(before, applyAdjustment(adj, price), rule.floor, rule.ceiling);
        applied.push({
          id: rule.id,
          kind: rule.kind,
          effect: price - before,
          explanation: `${rule.label ?? 'Sales speed'}: ${count} sold in the last ${rule.windowMinutes} min (target ${rule.target}): ${describe(adj)}${limitNote(price, before, adj, rule)}`,
        });
        break;
      }
    }
  }

  const lo = Math.max(0, policy.floor ?? 0);
  const hi = policy.ceiling ?? Infinity;
  if (price < lo) {
    applied.push({
      id: 'policy:floor',
      kind: 'floor',
      effect: lo - price,
      explanation: `Raised to the floor of ${money(lo)}`,
    });
    price = lo;
  } else if (price > hi) {
    applied.push({
      id: 'policy:ceiling',
      kind: 'ceiling',
      effect: hi - price,
      explanation: `Lowered to the ceiling of ${money(hi)}`,
    });
    price = hi;
  }

  // The rise cap: from the last published price, at most maxRisePerHour per hour since it was published.
  let cap = Infinity;
  if (input.last && policy.maxRisePerHour != null) {
    const hours = Math.max(0, input.now.getTime() - input.last.at.getTime()) / HOUR_MS;
    cap = input.last.price + Math.floor(policy.maxRisePerHour * hours);
    if (price > cap) {
      applied.push({
        id: 'policy:rise_cap',
        kind: 'rise_cap',
        effect: cap - price,
        explanation: `Rise limited to ${money(policy.maxRisePerHour)} per hour since the last price of ${money(input.last.price)}`,
      });
      price = cap;
    }
  }

  const rounded = roundToPricePoint(price, Math.max(1, Math.floor(policy.roundTo)), cap, lo, hi);
  if (rounded !== price) {
    applied.push({
      id: 'policy:rounding',
      kind: 'rounding',
      effect: rounded - price,
      explanation: `Rounded to a multiple of ${money(policy.roundTo)}`,
    });
  }
  return { unitPrice: rounded, basePrice: input.basePrice, rules: applied };
}

function limitNote(
  price: number,
  before: number,
  adj: Adjustment,
  rule: { floor?: number | null; ceiling?: number | null },
) {
  const intended = applyAdjustment(adj, before);
  if (intended === price) return '';
  return intended > price
    ? ` (held at its ceiling of ${money(rule.ceiling ?? price)})`
    : ` (held at its floor of ${money(rule.floor ?? price)})`;
}

/**
 * The nearest multiple of `step` (halves up), not above the rise cap, and within [lo, hi]. When no
 * multiple lies within [lo, hi] the limits win over rounding.
 */
export function roundToPricePoint(price: number, step: number, cap: number, lo: number, hi: number): number {
  const lowest = Math.ceil(lo / step) * step;
  const highest = hi === Infinity ? Infinity : Math.floor(hi / step) * step;
  if (lowest > highest) return Math.min(Math.max(price, lo), hi);
  let p = Math.floor((price + step / 2) / step) * step;
  if (p > cap) p = Math.floor(price / step) * step;
  return Math.min(Math.max(p, lowest), highest);
}

/**
 * What is wrong with a set of rules, if anything: floors above ceilings, overlapping or falling time
 * steps, rules that could take the price below zero, malformed rules. Checked before anything is saved.
 */
export function checkRules(input: {
  basePrice: number;
  policy: PricePolicy;
  rules: PriceRule[];
  eventStartsAt: Date;
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { policy, rules } = input;
  const add = (code: string, field: string, message: string) => problems.push({ code, field, message });

  if (policy.floor != null && policy.ceiling != null && policy.floor > policy.ceiling)
    add('FLOOR_ABOVE_CEILING', 'policy.floor', 'The floor is above the ceiling.');
  if (!Number.isInteger(policy.roundTo) || policy.roundTo < 1)
    add('RULE_INVALID', 'policy.roundTo', 'roundTo must be a whole number of minor units, at least 1.');

  const ids = new Set<string>();
  const steps: { index: number; rule: TimeStepRule; start: number; end: number }[] = [];
  rules.forEach((rule, i) => {
    const field = `rules[${i}]`;
    if (ids.has(rule.id)) add('RULE_INVALID', `${field}.id`, 'Two rules have the same id.');
    ids.add(rule.id);
    const adjustments: Adjustment[] = [];
    switch (rule.kind) {
      case 'time_step': {
        if (rule.from != null && rule.fromDaysBeforeEvent != null)
          add('RULE_INVALID', field, 'Give from or fromDaysBeforeEvent, not both.');
        if (rule.until != null && rule.untilDaysBeforeEvent != null)
          add('RULE_INVALID', field, 'Give until or untilDaysBeforeEvent, not both.');
        const w = windowOf(rule, input.eventStartsAt);
        if (w.start === -Infinity && w.end === Infinity)
          add('RULE_INVALID', field, 'A time step needs a start or an end.');
        else if (Number.isNaN(w.start) || Number.isNaN(w.end)) add('RULE_INVALID', field, 'A date is not valid.');
        else if (w.start >= w.end) add('TIME_STEP_EMPTY', field, 'The time step ends before it starts.');
        else steps.push({ index: i, rule, start: w.start, end: w.end });
        adjustments.push(rule.adjustment);
        break;
      }
      case 'sell_through': {
        if (rule.thresholds.length === 0) add('RULE_INVALID', `${field}.thresholds`, 'Give at least one threshold.');
        rule.thresholds.forEach((th, j) => {
          if (th.percent <= 0 || th.percent > 100)
            add(
              'RULE_INVALID',
              `${field}.thresholds[${j}].percent`,
              'A threshold is a percentage above 0, at most 100.',
            );
          if (j > 0 && th.percent <= rule.thresholds[j - 1].percent)
            add('RULE_INVALID', `${field}.thresholds[${j}].percent`, 'Thresholds must ascend.');
          adjustments.push(th.adjustment);
        });
        break;
      }
      case 'sales_velocity': {
        if (!rule.above && !rule.below) add('RULE_INVALID', field, 'Give an adjustment above or below the target.');
        if (rule.windowMinutes < 1) add('RULE_INVALID', `${field}.windowMinutes`, 'The window is at least a minute.');
        if (rule.target < 0) add('RULE_INVALID', `${field}.target`, 'The target cannot be negative.');
        if (rule.above) adjustments.push(rule.above);
        if (rule.below) adjustments.push(rule.below);
        break;
      }
    }
    if (rule.kind !== 'time_step' && rule.floor != null && rule.ceiling != null && rule.floor > rule.ceiling)
      add('FLOOR_ABOVE_CEILING', `${field}.floor`, 'The floor is above the ceiling.');
    for (const a of adjustments) {
      if (a.type === 'percent' && a.value <= -100)
        add('NEGATIVE_PRICE', field, 'A reduction of 100% or more gives no price.');
      if (!Number.isFinite(a.value) || (a.type === 'amount' && !Number.isInteger(a.value)))
        add('RULE_INVALID', field, 'An amount is a whole number of minor units.');
    }
  });

  // Time steps must not overlap, and (for the price to only rise over time) must not fall.
  steps.sort((a, b) => a.start - b.start);
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].start < steps[i - 1].end) {
      add(
        'OVERLAPPING_TIME_STEPS',
        `rules[${steps[i].index}]`,
        `This time step overlaps rule ${steps[i - 1].index + 1}.`,
      );
    }
  }
  const types = new Set(steps.map((s) => s.rule.adjustment.type));
  if (types.size > 1)
    add(
      'RULE_INVALID',
      'rules',
      'Time steps of one ticket type use one kind of adjustment (all percent or all amount).',
    );
  else if (!problems.some((p) => p.code === 'OVERLAPPING_TIME_STEPS')) {
    // The schedule over time, with no change between steps: it must never go down.
    const values: { value: number; index: number | null }[] = [];
    let at = -Infinity;
    for (const s of steps) {
      if (s.start > at) values.push({ value: 0, index: null });
      values.push({ value: s.rule.adjustment.value, index: s.index });
      at = s.end;
    }
    if (at < Infinity) values.push({ value: 0, index: null });
    for (let i = 1; i < values.length; i++) {
      if (values[i].value < values[i - 1].value) {
        const culprit = values[i].index ?? values[i - 1].index;
        add(
          'TIME_STEPS_NOT_MONOTONE',
          culprit === null ? 'rules' : `rules[${culprit}]`,
          'Time steps may only raise the price as the event nears (an early bird ends before later steps begin).',
        );
        break;
      }
    }
  }

  // The lowest price the rules could give, rule by rule: never below zero.
  let low = input.basePrice;
  for (const [i, rule] of rules.entries()) {
    const options: Adjustment[] =
      rule.kind === 'time_step'
        ? [rule.adjustment]
        : rule.kind === 'sell_through'
          ? rule.thresholds.map((t) => t.adjustment)
          : [rule.above, rule.below].filter((a): a is Adjustment => Boolean(a));
    const floor = rule.kind === 'time_step' ? null : rule.floor;
    const outcomes = options.map((a) => withinRule(low, applyAdjustment(a, low), floor, null));
    low = Math.min(low, ...outcomes);
    if (low < 0) {
      add('NEGATIVE_PRICE', `rules[${i}]`, `These rules could take the price to ${money(low)}.`);
      break;
    }
  }
  return problems;
}

/** The windows (minutes) sales-speed rules look at, so the caller counts recent sales once per window. */
export function salesWindows(rules: PriceRule[]): number[] {
  return [
    ...new Set(rules.filter((r): r is SalesVelocityRule => r.kind === 'sales_velocity').map((r) => r.windowMinutes)),
  ];
}
