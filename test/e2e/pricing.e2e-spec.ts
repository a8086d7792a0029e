// Dynamic pricing through HTTP: rules and their refusals, the Price Updater, locked hold prices,
// PRICE_CHANGED, promo codes and vouchers (limits decided under concurrency), the live stream.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PriceUpdateProcessor } from '../../apps/api/src/modules/pricing/price-update.processor.js';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';

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
const sandbox = { method: 'sandbox', token: 'sandbox_ok' };
const buy = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  t.http().post('/api/tickets/purchase').set(auth(token)).set('idempotency-key', key).send(body);
const hold = (token: string, body: Record<string, unknown>) => t.http().post('/api/holds').set(auth(token)).send(body);
const putRules = (typeId: string, body: Record<string, unknown>, token = manager) =>
  t.http().put(`/api/ticket-types/${typeId}/price-rules`).set(auth(token)).send(body);
const listed = async (eventId: string, typeId: string) =>
  ((await t.http().get('/api/tickets/types').query({ eventId })).body.items as { id: string; price: number }[]).find(
    (x) => x.id === typeId,
  );
const runPriceUpdater = () => t.app.get(PriceUpdateProcessor).run();

async function onSale(type: Record<string, unknown> = {}, event: Record<string, unknown> = {}) {
  const e = await makeEvent(t, manager, event);
  const tt = await makeTicketType(t, manager, e.id, { capacity: 100, price: 2000, ...type });
  await publish(t, manager, e.id);
  return { eventId: e.id as string, typeId: tt.id as string };
}

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

describe('promo codes and vouchers', () => {
  const createCode = (eventId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/events/${eventId}/promo-codes`).set(auth(manager)).send(body);

  it('takes a percentage or an amount off the types it names, in holds, purchases and quotes', async () => {
    const { eventId, typeId } = await onSale({ price: 2000 });
    const other = await makeTicketType(t, manager, eventId, { name: 'VIP', price: 9000 });
    const code = await createCode(eventId, { code: 'fan10', kind: 'percent', value: 10, ticketTypeIds: [typeId] });
    expect(code.status).toBe(201);
    expect(code.body).toMatchObject({ code: 'FAN10', used: 0, active: true });
    const quote = await t
      .http()
      .post('/api/price-quotes')
      .send({
        eventId,
        items: [
          { ticketTypeId: typeId, quantity: 2 },
          { ticketTypeId: other.id, quantity: 1 },
        ],
        promoCode: 'Fan10',
      });
    expect(quote.status).toBe(200);
    expect(quote.body.total).toBe(2 * 1800 + 9000);
    expect(quote.body.items[0]).toMatchObject({ listPrice: 2000, unitPrice: 1800 });
    expect(quote.body.items[0].explanation).toEqual([expect.objectContaining({ kind: 'promo', effect: -200 })]);

    const c = await makeCustomer(t);
    const held = await hold(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 2 }],
      promoCode: 'fan10',
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ total: 3600, promoCodes: ['FAN10'] });
    const paid = await buy(c.accessToken, { holdId: held.body.id, payment: sandbox, expectedTotal: 3600 });
    expect(paid.status).toBe(201);
    expect(paid.body.total).toBe(3600);
    const direct = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: sandbox,
      promoCode: 'FAN10',
    });
    expect(direct.status).toBe(201);
    expect(direct.body.tickets[0].price).toBe(1800);
    // A declined payment uses nothing up.
    const declined = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: { method: 'sandbox', token: 'sandbox_decline' },
      promoCode: 'FAN10',
    });
    expect(declined.body.code).toBe('PAYMENT_DECLINED');
    const rows = await t.db.query(
      'SELECT p.used, count(r.id)::int AS redemptions FROM promo_codes p LEFT JOIN promo_redemptions r ON r.promo_code_id = p.id WHERE p.id = $1 GROUP BY p.used',
      [code.body.id],
    );
    expect(rows[0]).toEqual({ used: 2, redemptions: 2 });
  });

  it('refuses a code past its limit, for another event, expired, per customer, or stacked: 422, nothing charged', async () => {
    const { eventId, typeId } = await onSale();
    const elsewhere = await onSale();
    await createCode(eventId, { code: 'ONCE', kind: 'amount', value: 500, maxUses: 1 });
    await createCode(eventId, { code: 'MINE', kind: 'amount', value: 100, maxUsesPerCustomer: 1 });
    await createCode(eventId, { code: 'ALSO', kind: 'amount', value: 100 });
    await createCode(eventId, {
      code: 'OLD',
      kind: 'percent',
      value: 50,
      validFrom: new Date(Date.now() - 3 * DAY).toISOString(),
      validUntil: new Date(Date.now() - DAY).toISOString(),
    });
    await createCode(elsewhere.eventId, { code: 'THERE', kind: 'percent', value: 50 });
    const c = await makeCustomer(t);
    const attempt = (promo: Record<string, unknown>) =>
      buy(c.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandbox, ...promo });
    expect((await attempt({ promoCode: 'ONCE' })).status).toBe(201);
    expect((await attempt({ promoCode: 'MINE' })).status).toBe(201);
    const refusals: [Record<string, unknown>, string][] = [
      [{ promoCode: 'ONCE' }, 'PROMO_EXHAUSTED'],
      [{ promoCode: 'MINE' }, 'PROMO_CUSTOMER_LIMIT'],
      [{ promoCode: 'THERE' }, 'PROMO_WRONG_EVENT'],
      [{ promoCode: 'NOPE' }, 'PROMO_NOT_FOUND'],
      [{ promoCode: 'OLD' }, 'PROMO_EXPIRED'],
      [{ promoCodes: ['ALSO', 'MINE'] }, 'PROMO_NOT_STACKABLE'],
    ];
    for (const [promo, code] of refusals) {
      const res = await attempt(promo);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code });
    }
    const bought = await t.db.query(
      "SELECT count(*)::int AS n, coalesce(sum(total), 0)::int AS paid FROM ticket_purchases WHERE customer_id = $1 AND status = 'paid'",
      [c.user.id],
    );
    expect(bought[0]).toEqual({ n: 2, paid: 1500 + 1900 });
    expect((await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]))[0].sold).toBe(2);
    // A deactivated code stops at once.
    const also = (await t.http().get(`/api/events/${eventId}/promo-codes`).set(auth(manager))).body.items.find(
      (p: { code: string }) => p.code === 'ALSO',
    );
    const off = await t.http().patch(`/api/promo-codes/${also.id}`).set(auth(manager)).send({ active: false });
    expect(off.body.active).toBe(false);
    expect((await attempt({ promoCode: 'ALSO' })).body.code).toBe('PROMO_INACTIVE');
  });

  it('a purchase refunded in full gives its code use back; a partial refund does not', async () => {
    const { eventId, typeId } = await onSale();
    await createCode(eventId, { code: 'FIRSTFAN', kind: 'amount', value: 500, maxUses: 1 });
    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    const a = await makeCustomer(t);
    const b = await makeCustomer(t);
    const withCode = (token: string, quantity = 1) =>
      buy(token, { eventId, items: [{ ticketTypeId: typeId, quantity }], payment: sandbox, promoCode: 'FIRSTFAN' });
    const first = await withCode(a.accessToken, 2);
    expect(first.status).toBe(201);
    expect((await withCode(b.accessToken)).body.code).toBe('PROMO_EXHAUSTED');
    const refund = (body: Record<string, unknown>) =>
      t.http().post(`/api/purchases/${first.body.id}/refunds`).set(auth(agent)).send(body);
    // One ticket of two back: the purchase stands, so the use stays taken.
    expect((await refund({ ticketIds: [first.body.tickets[0].id] })).status).toBe(201);
    expect((await withCode(b.accessToken)).body.code).toBe('PROMO_EXHAUSTED');
    expect((await refund({ ticketIds: [first.body.tickets[1].id] })).body.status).toBe('refunded');
    const [code] = await t.db.query("SELECT used FROM promo_codes WHERE event_id = $1 AND code = 'FIRSTFAN'", [
      eventId,
    ]);
    expect(code.used).toBe(0);
    const again = await withCode(b.accessToken);
    expect([again.status, again.body.total]).toEqual([201, 1500]);
  });

  it('checks codes when they are created', async () => {
    const { eventId } = await onSale();
    const elsewhere = await onSale();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ code: 'BIG', kind: 'percent', value: 150 }, 422, 'PROMO_VALUE_INVALID'],
      [
        {
          code: 'WIN',
          kind: 'amount',
          value: 100,
          validFrom: '2030-01-02T00:00:00Z',
          validUntil: '2030-01-01T00:00:00Z',
        },
        422,
        'PROMO_WINDOW_INVALID',
      ],
      [{ code: 'XEV', kind: 'amount', value: 100, ticketTypeIds: [elsewhere.typeId] }, 422, 'TICKET_TYPE_NOT_IN_EVENT'],
    ];
    for (const [body, status, code] of cases) {
      const res = await createCode(eventId, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect((await createCode(eventId, { code: 'SAME', kind: 'amount', value: 1 })).status).toBe(201);
    expect((await createCode(eventId, { code: 'same', kind: 'amount', value: 1 })).body.code).toBe('PROMO_CODE_TAKEN');
  });

  it('a voucher unlocks a hidden ticket type, which is neither listed nor sold without it', async () => {
    const { eventId } = await onSale();
    const hidden = await makeTicketType(t, manager, eventId, {
      name: 'Members',
      price: 1500,
      unlockCode: 'internal-secret-code',
    });
    const voucher = await createCode(eventId, {
      code: 'MEMBER-2027',
      kind: 'amount',
      value: 0,
      unlocksTicketTypeIds: [hidden.id],
    });
    expect(voucher.status).toBe(201);
    const names = async (code?: string) =>
      (
        (
          await t
            .http()
            .get('/api/tickets/types')
            .query({ eventId, ...(code ? { code } : {}) })
        ).body.items as { name: string }[]
      ).map((x) => x.name);
    expect(await names()).toEqual(['Standing']);
    expect(await names('member-2027')).toEqual(['Standing', 'Members']);
    const c = await makeCustomer(t);
    const without = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: hidden.id, quantity: 1 }],
      payment: sandbox,
    });
    expect({ status: without.status, code: without.body.code }).toEqual({ status: 422, code: 'VOUCHER_REQUIRED' });
    const heldWithout = await hold(c.accessToken, { eventId, items: [{ ticketTypeId: hidden.id, quantity: 1 }] });
    expect(heldWithout.body.code).toBe('VOUCHER_REQUIRED');
    const withIt = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: hidden.id, quantity: 1 }],
      payment: sandbox,
      promoCode: 'MEMBER-2027',
    });
    expect(withIt.status).toBe(201);
    expect(withIt.body.total).toBe(1500);
    expect((await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [hidden.id]))[0].sold).toBe(1);
  });

  it('concurrent use of a voucher limited to 10 uses gives exactly 10', async () => {
    const { eventId, typeId } = await onSale({ price: 3000, capacity: 100 });
    const code = await createCode(eventId, { code: 'TEN', kind: 'percent', value: 20, maxUses: 10 });
    const buyers = await Promise.all(Array.from({ length: 25 }, () => makeCustomer(t)));
    const results = await Promise.all(
      buyers.map((b) =>
        buy(b.accessToken, {
          eventId,
          items: [{ ticketTypeId: typeId, quantity: 1 }],
          payment: sandbox,
          promoCode: 'TEN',
        }),
      ),
    );
    const statuses = results.map((r) => (r.status === 201 ? 'paid' : `${r.status} ${r.body.code}`));
    expect(statuses.filter((s) => s === 'paid')).toHaveLength(10);
    expect(statuses.filter((s) => s !== 'paid')).toEqual(Array(15).fill('422 PROMO_EXHAUSTED'));
    expect(results.filter((r) => r.status === 201).every((r) => r.body.total === 2400)).toBe(true);
    const [row] = await t.db.query(
      `SELECT p.used, (SELECT count(*)::int FROM promo_redemptions r WHERE r.promo_code_id = p.id) AS redemptions,
              (SELECT sold FROM ticket_types WHERE id = $2) AS sold,
              (SELECT count(*)::int FROM ticket_purchases WHERE event_id = $3) AS purchases
         FROM promo_codes p WHERE p.id = $1`,
      [code.body.id, typeId, eventId],
    );
    expect(row).toEqual({ used: 10, redemptions: 10, sold: 10, purchases: 10 });
  });
});
