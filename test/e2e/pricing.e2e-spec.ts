// Dynamic pricing through HTTP: rules and their refusals, the simulator, the Price Updater, locked
// hold prices, PRICE_CHANGED, the live stream. Promo codes and vouchers: promo-codes.e2e-spec.ts.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PriceUpdateProcessor } from '../../apps/api/src/modules/pricing/price-update.processor.js';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeOnSale, purchase, SANDBOX_OK } from '../support/factories.js';

let t: TestApp;
let manager: string;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const sandbox = SANDBOX_OK;
const buy = (token: string, body: Record<string, unknown>, key?: string) => purchase(t, token, body, key);
const hold = (token: string, body: Record<string, unknown>) => t.http().post('/api/holds').set(auth(token)).send(body);
const putRules = (typeId: string, body: Record<string, unknown>, token = manager) =>
  t.http().put(`/api/ticket-types/${typeId}/price-rules`).set(auth(token)).send(body);
const listed = async (eventId: string, typeId: string) =>
  ((await t.http().get('/api/tickets/types').query({ eventId })).body.items as { id: string; price: number }[]).find(
    (x) => x.id === typeId,
  );
const runPriceUpdater = () => t.app.get(PriceUpdateProcessor).run();
const onSale = (type: Record<string, unknown> = {}, event: Record<string, unknown> = {}) =>
  makeOnSale(t, manager, type, event);

/** Reads `price` events from the event's SSE stream. */
function priceStream(eventId: string) {
  const events: { ticketTypeId: string; price: number; previousPrice: number; rules: { kind: string }[] }[] = [];
  let buffer = '';
  const req = http.get(`${base}/api/events/${eventId}/stream`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: price') && data) events.push(JSON.parse(data.slice(6)));
        if (block.includes('event: availability')) opened = true;
      }
    });
  });
  let opened = false;
  const waitFor = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    events,
    opened: () => waitFor(() => opened, 'first snapshot'),
    until: async (price: number) => {
      await waitFor(() => events.some((e) => e.price === price), `price event of ${price}`);
      return events.find((e) => e.price === price)!;
    },
    close: () => req.destroy(),
  };
}

describe('price rules', () => {
  it('saves ordered rules, publishes the current price at once and explains it', async () => {
    const { eventId, typeId } = await onSale({ price: 4000 });
    const res = await putRules(typeId, {
      policy: { floor: 2500, ceiling: 8000, roundTo: 50 },
      rules: [
        {
          kind: 'time_step',
          label: 'Early bird',
          until: new Date(Date.now() + 5 * DAY).toISOString(),
          adjustment: { type: 'percent', value: -25 },
        },
        { kind: 'time_step', fromDaysBeforeEvent: 7, adjustment: { type: 'percent', value: 15 } },
        {
          kind: 'sell_through',
          thresholds: [{ percent: 50, adjustment: { type: 'percent', value: 20 } }],
          ceiling: 7000,
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ticketTypeId: typeId, basePrice: 4000, currentPrice: 3000, currency: 'EUR' });
    expect(res.body.rules.map((r: { kind: string }) => r.kind)).toEqual(['time_step', 'time_step', 'sell_through']);
    expect(res.body.explanation).toEqual([
      expect.objectContaining({ kind: 'time_step', effect: -1000, explanation: expect.stringContaining('Early bird') }),
    ]);
    // The catalogue lists the current price; the base price stays what was set.
    expect(await listed(eventId, typeId)).toMatchObject({ price: 3000, basePrice: 4000 });
    const history = await t.http().get(`/api/ticket-types/${typeId}/price-history`).set(auth(manager));
    expect(history.body).toMatchObject({
      total: 1,
      items: [{ price: 3000, previousPrice: 4000, reason: 'rules_changed' }],
    });
    const row = await t.db.query('SELECT current_price FROM ticket_types WHERE id = $1', [typeId]);
    expect(row[0].current_price).toBe(3000);
  });

  it('a new base price is repriced through the rules at once; removing the rules returns to it', async () => {
    const { eventId, typeId } = await onSale({ price: 2000 });
    await putRules(typeId, {
      rules: [{ kind: 'time_step', fromDaysBeforeEvent: 60, adjustment: { type: 'percent', value: 50 } }],
    });
    expect((await listed(eventId, typeId))?.price).toBe(3000);
    const patched = await t.http().patch(`/api/tickets/types/${typeId}`).set(auth(manager)).send({ price: 4000 });
    expect(patched.body).toMatchObject({ price: 6000, basePrice: 4000 });
    const cleared = await putRules(typeId, { rules: [] });
    expect(cleared.body).toMatchObject({ currentPrice: 4000, rules: [] });
    expect((await listed(eventId, typeId))?.price).toBe(4000);
    const history = await t.http().get(`/api/ticket-types/${typeId}/price-history`).set(auth(manager));
    expect(history.body.items.map((h: { price: number; reason: string }) => [h.price, h.reason])).toEqual([
      [4000, 'rules_changed'],
      [6000, 'base_changed'],
      [3000, 'rules_changed'],
    ]);
  });

  it('refuses bad rules with 422 and a code, and saves nothing', async () => {
    const { typeId } = await onSale();
    const ok = await putRules(typeId, {
      rules: [{ kind: 'time_step', fromDaysBeforeEvent: 3, adjustment: { type: 'amount', value: 500 } }],
    });
    expect(ok.status).toBe(200);
    const bad: [Record<string, unknown>, string][] = [
      [{ policy: { floor: 5000, ceiling: 4000 }, rules: [] }, 'FLOOR_ABOVE_CEILING'],
      [
        {
          rules: [
            { kind: 'time_step', fromDaysBeforeEvent: 10, adjustment: { type: 'amount', value: 100 } },
            { kind: 'time_step', fromDaysBeforeEvent: 5, adjustment: { type: 'amount', value: 200 } },
          ],
        },
        'OVERLAPPING_TIME_STEPS',
      ],
      [
        {
          rules: [
            { kind: 'sell_through', thresholds: [{ percent: 90, adjustment: { type: 'amount', value: -2500 } }] },
          ],
        },
        'NEGATIVE_PRICE',
      ],
      [
        { rules: [{ kind: 'time_step', fromDaysBeforeEvent: 3, adjustment: { type: 'amount', value: -500 } }] },
        'TIME_STEPS_NOT_MONOTONE',
      ],
      [
        {
          rules: [
            {
              kind: 'sales_velocity',
              windowMinutes: 60,
              target: 10,
              below: { type: 'amount', value: -500 },
              floor: 3000,
              ceiling: 2000,
            },
          ],
        },
        'FLOOR_ABOVE_CEILING',
      ],
      [{ rules: [{ kind: 'sell_through' }] }, 'RULE_INVALID'],
    ];
    for (const [body, code] of bad) {
      const res = await putRules(typeId, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code });
    }
    const after = await t.http().get(`/api/ticket-types/${typeId}/price-rules`).set(auth(manager));
    expect(after.body.rules).toHaveLength(1);
    expect(after.body.rules[0]).toMatchObject({ kind: 'time_step', fromDaysBeforeEvent: 3 });
    const stored = await t.db.query('SELECT count(*)::int AS n FROM price_rules WHERE ticket_type_id = $1', [typeId]);
    expect(stored[0].n).toBe(1);
  });

  it('is for event managers only', async () => {
    const { typeId } = await onSale();
    const customer = await makeCustomer(t);
    expect((await putRules(typeId, { rules: [] }, customer.accessToken)).status).toBe(403);
    expect((await t.http().get(`/api/ticket-types/${typeId}/price-rules`).set(auth(customer.accessToken))).status).toBe(
      403,
    );
  });

  it('simulates price against time and share sold with the real engine', async () => {
    const { typeId } = await onSale({ price: 4000 }, { startsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    const from = new Date(Date.now() + DAY);
    const until = new Date(Date.now() + 29 * DAY);
    const res = await t
      .http()
      .post(`/api/ticket-types/${typeId}/price-simulation`)
      .set(auth(manager))
      .send({
        rules: [
          {
            kind: 'time_step',
            until: new Date(Date.now() + 10 * DAY).toISOString(),
            adjustment: { type: 'percent', value: -50 },
          },
          { kind: 'sell_through', thresholds: [{ percent: 80, adjustment: { type: 'amount', value: 1000 } }] },
        ],
        from: from.toISOString(),
        until: until.toISOString(),
        points: 5,
        sellThrough: [0, 90],
      });
    expect(res.status).toBe(200);
    expect(res.body.series.map((s: { sellThrough: number }) => s.sellThrough)).toEqual([0, 90]);
    expect(res.body.series[0].points.map((p: { price: number }) => p.price)).toEqual([2000, 2000, 4000, 4000, 4000]);
    expect(res.body.series[1].points.map((p: { price: number }) => p.price)).toEqual([3000, 3000, 5000, 5000, 5000]);
    // Proposed rules are checked like saved ones.
    const bad = await t
      .http()
      .post(`/api/ticket-types/${typeId}/price-simulation`)
      .set(auth(manager))
      .send({ policy: { floor: 10, ceiling: 5 }, rules: [] });
    expect(bad.body.code).toBe('FLOOR_ABOVE_CEILING');
    expect((await t.http().get(`/api/ticket-types/${typeId}/price-rules`).set(auth(manager))).body.rules).toEqual([]);
  });
});

describe('quotes: the price charged is the price shown', () => {
  it('a hold placed before a price rise pays the old price; a purchase without a hold pays the new one', async () => {
    const { eventId, typeId } = await onSale({ price: 2000 });
    const early = await makeCustomer(t);
    const held = await hold(early.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 2 }] });
    expect(held.status).toBe(201);
    expect(held.body.items[0].unitPrice).toBe(2000);

    // The rise: a time step that started yesterday, published at once.
    const rise = await putRules(typeId, {
      rules: [
        {
          kind: 'time_step',
          from: new Date(Date.now() - DAY).toISOString(),
          adjustment: { type: 'percent', value: 50 },
        },
      ],
    });
    expect(rise.body.currentPrice).toBe(3000);
    expect((await listed(eventId, typeId))?.price).toBe(3000);

    const fromHold = await buy(early.accessToken, { holdId: held.body.id, payment: sandbox, expectedTotal: 4000 });
    expect(fromHold.status).toBe(201);
    expect(fromHold.body.total).toBe(4000);
    expect(fromHold.body.tickets.map((x: { price: number }) => x.price)).toEqual([2000, 2000]);

    const late = await makeCustomer(t);
    const stale = await buy(late.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 2 }],
      payment: sandbox,
      expectedTotal: 4000,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'PRICE_CHANGED',
      total: 6000,
      currency: 'EUR',
      items: [{ ticketTypeId: typeId, unitPrice: 3000 }],
    });
    const none = await t.db.query('SELECT count(*)::int AS n FROM ticket_purchases WHERE customer_id = $1', [
      late.user.id,
    ]);
    expect(none[0].n).toBe(0);

    const agreed = await buy(late.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 2 }],
      payment: sandbox,
      expectedTotal: 6000,
    });
    expect(agreed.status).toBe(201);
    expect(agreed.body.tickets.map((x: { price: number }) => x.price)).toEqual([3000, 3000]);
    // Without expectedTotal too (the one-round-trip path): the listed price is the charged one.
    const plain = await buy(late.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: sandbox,
    });
    expect(plain.status).toBe(201);
    expect(plain.body.total).toBe((await listed(eventId, typeId))?.price);
    const charged = await t.db.query(
      'SELECT price, count(*)::int AS n FROM issued_tickets WHERE ticket_type_id = $1 GROUP BY price ORDER BY price',
      [typeId],
    );
    expect(charged).toEqual([
      { price: 2000, n: 2 },
      { price: 3000, n: 3 },
    ]);
  });

  it('demand moves the price through the Price Updater: history kept, change streamed live', async () => {
    const { eventId, typeId } = await onSale({ price: 1000, capacity: 10 });
    const saved = await putRules(typeId, {
      policy: { roundTo: 50 },
      rules: [{ kind: 'sell_through', thresholds: [{ percent: 30, adjustment: { type: 'percent', value: 55 } }] }],
    });
    expect(saved.body.currentPrice).toBe(1000);
    const stream = priceStream(eventId);
    try {
      await stream.opened();
      const first = await makeCustomer(t);
      const held = await hold(first.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }] });
      const second = await makeCustomer(t);
      const sale = await buy(second.accessToken, {
        eventId,
        items: [{ ticketTypeId: typeId, quantity: 3 }],
        payment: sandbox,
      });
      expect(sale.body.total).toBe(3000);
      // The scheduled job (also run after sales) publishes the price 30% sold gives: 1550, rounded to 1550.
      await runPriceUpdater();
      expect((await listed(eventId, typeId))?.price).toBe(1550);
      const change = await stream.until(1550);
      expect(change).toMatchObject({ ticketTypeId: typeId, previousPrice: 1000 });
      expect(change.rules.map((r) => r.kind)).toEqual(['sell_through']);
      // The hold placed before still pays what it was quoted.
      const paid = await buy(first.accessToken, { holdId: held.body.id, payment: sandbox });
      expect(paid.body.total).toBe(1000);
    } finally {
      stream.close();
    }
    const history = await t.http().get(`/api/ticket-types/${typeId}/price-history`).set(auth(manager));
    expect(history.body.items.map((h: { price: number; reason: string }) => [h.price, h.reason])).toEqual([
      [1550, expect.stringMatching(/^(schedule|sale)$/)],
      [1000, 'rules_changed'],
    ]);
    // Running again with nothing new publishes nothing new.
    await runPriceUpdater();
    expect((await t.http().get(`/api/ticket-types/${typeId}/price-history`).set(auth(manager))).body.total).toBe(2);
  });

  it('the rise cap holds a jump back to what the hours since the last price allow', async () => {
    const { eventId, typeId } = await onSale({ price: 1000, capacity: 10 });
    await putRules(typeId, {
      policy: { maxRisePerHour: 200 },
      rules: [{ kind: 'sell_through', thresholds: [{ percent: 10, adjustment: { type: 'amount', value: 5000 } }] }],
    });
    // The last price was published two hours ago.
    await t.db.query("UPDATE price_history SET changed_at = now() - interval '2 hours' WHERE ticket_type_id = $1", [
      typeId,
    ]);
    const c = await makeCustomer(t);
    await buy(c.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandbox });
    await runPriceUpdater();
    const rules = await t.http().get(`/api/ticket-types/${typeId}/price-rules`).set(auth(manager));
    expect(rules.body.currentPrice).toBe(1400);
    expect(rules.body.explanation.map((r: { kind: string }) => r.kind)).toEqual(['sell_through', 'rise_cap']);
  });
});
