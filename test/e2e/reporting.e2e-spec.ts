// Reporting against a seeded set of purchases and refunds whose figures are worked out by hand:
// sales by event, ticket type, channel and day; gross, refunds and net per currency; average
// price and sell-through; check-in rates by event and gate; exports run by the Report Worker.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';

let t: TestApp;
let manager: string;
let admin: string;
let scanner: string;
let customer: Awaited<ReturnType<typeof makeCustomer>>;

interface Sale {
  id: string;
  tickets: { id: string; code: string }[];
}

const ids: Record<string, string> = {};
const sold: Record<string, Sale> = {};

async function buy(token: string, eventId: string, items: [string, number][], payment: Record<string, unknown>) {
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(token))
    .set('idempotency-key', randomUUID())
    .send({ eventId, items: items.map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity })), payment });
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('paid');
  return res.body as Sale;
}

async function refund(purchaseId: string, body: Record<string, unknown>) {
  const res = await t.http().post(`/api/purchases/${purchaseId}/refunds`).set(auth(admin)).send(body);
  expect(res.status).toBe(201);
}

const paidAt = (purchaseId: string, at: string) =>
  t.db.query('UPDATE ticket_purchases SET paid_at = $2 WHERE id = $1', [purchaseId, at]);

/**
 * The seeded set (EUR unless said):
 *   p1 event A: 2 Standing (2500) + 1 VIP (8000) = 13000, web; 1300 refunded by amount (which
 *      revokes its tickets), shared 500 Standing / 800 VIP by the tickets' value
 *   p2 event A: 3 Standing = 7500, web; one ticket refunded in full (2500)
 *   p3 event A: 1 VIP = 8000, box office cash; 3000 refunded by amount (its ticket revoked)
 *   p4 event B: 4 Standing (1000) = 4000, web; refunded in full
 *   p5 event C (USD): 2 x 1500 = 3000, web
 * Paid: p1, p2 on 2026-03-10 09:00Z; p3 2026-03-10 23:30Z (already the 11th in Amsterdam);
 * p5 2026-03-11 12:00Z; p4 2026-03-12 12:00Z.
 */
beforeAll(async () => {
  t = await createTestApp({ worker: true, env: { STORAGE_LINK_TTL_SECONDS: '120' } });
  const mgr = await makeStaff(t, ['event_manager']);
  manager = mgr.accessToken;
  admin = (await makeStaff(t, ['admin'])).accessToken;
  scanner = (await makeStaff(t, ['scanner'])).accessToken;
  const clerk = (await makeStaff(t, ['box_office'])).accessToken;
  customer = await makeCustomer(t, 'Rita Reports');

  const a = await makeEvent(t, manager, { name: 'Report A' });
  ids.aStanding = (await makeTicketType(t, manager, a.id, { name: 'Standing', price: 2500, capacity: 100 })).id;
  ids.aVip = (await makeTicketType(t, manager, a.id, { name: 'VIP', price: 8000, capacity: 10 })).id;
  await publish(t, manager, a.id);
  const b = await makeEvent(t, manager, { name: 'Report B' });
  ids.bStanding = (await makeTicketType(t, manager, b.id, { name: 'Standing B', price: 1000, capacity: 50 })).id;
  await publish(t, manager, b.id);
  const c = await makeEvent(t, manager, { name: 'Report C' });
  ids.cGa = (await makeTicketType(t, manager, c.id, { name: 'GA USD', price: 1500, currency: 'USD', capacity: 30 })).id;
  await publish(t, manager, c.id);
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });

  const sandbox = { method: 'sandbox', token: 'sandbox_ok' };
  sold.p1 = await buy(
    customer.accessToken,
    a.id,
    [
      [ids.aStanding, 2],
      [ids.aVip, 1],
    ],
    sandbox,
  );
  sold.p2 = await buy(customer.accessToken, a.id, [[ids.aStanding, 3]], sandbox);
  sold.p3 = await buy(clerk, a.id, [[ids.aVip, 1]], { method: 'cash' });
  sold.p4 = await buy(customer.accessToken, b.id, [[ids.bStanding, 4]], sandbox);
  sold.p5 = await buy(customer.accessToken, c.id, [[ids.cGa, 2]], sandbox);

  await refund(sold.p1.id, { amount: 1300 });
  await refund(sold.p2.id, { ticketIds: [sold.p2.tickets[0].id] });
  await refund(sold.p3.id, { amount: 3000 });
  await refund(sold.p4.id, {});

  await paidAt(sold.p1.id, '2026-03-10T09:00:00Z');
  await paidAt(sold.p2.id, '2026-03-10T09:00:00Z');
  await paidAt(sold.p3.id, '2026-03-10T23:30:00Z');
  await paidAt(sold.p5.id, '2026-03-11T12:00:00Z');
  await paidAt(sold.p4.id, '2026-03-12T12:00:00Z');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const RANGE = { from: '2026-03-10', to: '2026-03-12' };
const sales = (query: Record<string, string>, token = manager) =>
  t.http().get('/api/reports/sales').query(query).set(auth(token));
const byKey = (items: { key: string; currency: string }[]) =>
  Object.fromEntries(items.map((i) => [`${i.key}/${i.currency}`, i]));

describe('sales report', () => {
  it('by event: gross, refunds, net, tickets, average price and sell-through; totals per currency', async () => {
    const res = await sales({ ...RANGE, groupBy: 'event' });
    expect(res.status).toBe(200);
    const rows = byKey(res.body.items);
    expect(rows[`${ids.a}/EUR`]).toEqual({
      key: ids.a,
      label: 'Report A',
      eventId: ids.a,
      currency: 'EUR',
      purchases: 3,
      tickets: 7,
      ticketsRefunded: 5,
      gross: 28500,
      refunds: 6800,
      net: 21700,
      averagePrice: 4071,
      capacity: 110,
      sellThrough: 0.0182,
    });
    expect(rows[`${ids.b}/EUR`]).toMatchObject({
      purchases: 1,
      tickets: 4,
      ticketsRefunded: 4,
      gross: 4000,
      refunds: 4000,
      net: 0,
      capacity: 50,
      sellThrough: 0,
    });
    expect(rows[`${ids.c}/USD`]).toMatchObject({
      gross: 3000,
      refunds: 0,
      net: 3000,
      capacity: 30,
      sellThrough: 0.0667,
    });
    expect(res.body.total).toBe(3);
    expect(res.body.totals).toEqual([
      {
        currency: 'EUR',
        purchases: 4,
        tickets: 11,
        ticketsRefunded: 9,
        gross: 32500,
        refunds: 10800,
        net: 21700,
        averagePrice: 2955,
      },
      {
        currency: 'USD',
        purchases: 1,
        tickets: 2,
        ticketsRefunded: 0,
        gross: 3000,
        refunds: 0,
        net: 3000,
        averagePrice: 1500,
      },
    ]);
    // The refunds reported are exactly what the purchases record.
    const [recorded] = await t.db.query(
      "SELECT sum(refunded_amount)::int AS refunds FROM ticket_purchases WHERE currency = 'EUR'",
    );
    expect(recorded.refunds).toBe(10800);
  });

  it('by ticket type: refunds shared by what was refunded', async () => {
    const res = await sales({ ...RANGE, groupBy: 'ticket_type' });
    const rows = byKey(res.body.items);
    expect(rows[`${ids.aStanding}/EUR`]).toMatchObject({
      label: 'Standing',
      eventId: ids.a,
      purchases: 2,
      tickets: 5,
      ticketsRefunded: 3,
      gross: 12500,
      refunds: 3000,
      net: 9500,
      averagePrice: 2500,
      capacity: 100,
      sellThrough: 0.02,
    });
    expect(rows[`${ids.aVip}/EUR`]).toMatchObject({
      purchases: 2,
      tickets: 2,
      ticketsRefunded: 2,
      gross: 16000,
      refunds: 3800,
      net: 12200,
      capacity: 10,
      sellThrough: 0,
    });
    expect(rows[`${ids.bStanding}/EUR`]).toMatchObject({ tickets: 4, gross: 4000, refunds: 4000, sellThrough: 0 });
    const eur = res.body.items.filter((r: { currency: string }) => r.currency === 'EUR');
    expect(eur.reduce((s: number, r: { refunds: number }) => s + r.refunds, 0)).toBe(10800);
    expect(res.body.totals[0]).toMatchObject({ currency: 'EUR', purchases: 4, gross: 32500, refunds: 10800 });
  });

  it('by channel', async () => {
    const rows = byKey((await sales({ ...RANGE, groupBy: 'channel' })).body.items);
    expect(rows['web/EUR']).toMatchObject({ purchases: 3, tickets: 10, gross: 24500, refunds: 7800, net: 16700 });
    expect(rows['box_office/EUR']).toMatchObject({ purchases: 1, tickets: 1, gross: 8000, refunds: 3000, net: 5000 });
    expect(rows['web/USD']).toMatchObject({ purchases: 1, gross: 3000 });
  });

  it('by day, in the time zone asked for', async () => {
    const utc = await sales({ ...RANGE, groupBy: 'day' });
    expect(
      utc.body.items.map((r: { key: string; currency: string; gross: number }) => [r.key, r.currency, r.gross]),
    ).toEqual([
      ['2026-03-10', 'EUR', 28500],
      ['2026-03-12', 'EUR', 4000],
      ['2026-03-11', 'USD', 3000],
    ]);
    const amsterdam = await sales({ ...RANGE, groupBy: 'day', tz: 'Europe/Amsterdam' });
    expect(
      amsterdam.body.items.map((r: { key: string; currency: string; net: number }) => [r.key, r.currency, r.net]),
    ).toEqual([
      ['2026-03-10', 'EUR', 16700],
      ['2026-03-11', 'EUR', 5000],
      ['2026-03-12', 'EUR', 0],
      ['2026-03-11', 'USD', 3000],
    ]);
  });

  it('filters by date range and event', async () => {
    const oneDay = await sales({ from: '2026-03-10', to: '2026-03-10', groupBy: 'event' });
    expect(oneDay.body.totals).toEqual([expect.objectContaining({ currency: 'EUR', purchases: 3, gross: 28500 })]);
    const instant = await sales({
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-10T12:00:00Z',
      groupBy: 'channel',
    });
    expect(instant.body.totals).toEqual([expect.objectContaining({ purchases: 2, gross: 20500, refunds: 3800 })]);
    const eventB = await sales({ ...RANGE, eventId: ids.b, groupBy: 'ticket_type' });
    expect(eventB.body.items.map((r: { key: string }) => r.key)).toEqual([ids.bStanding]);
    const before = await sales({ from: '2026-01-01', to: '2026-03-09' });
    expect(before.body).toMatchObject({ items: [], total: 0, totals: [] });
  });

  it('refuses a range over two years, an end before the start, and unknown groupings, with codes', async () => {
    const tooLong = await sales({ from: '2024-01-01', to: '2026-01-01' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('REPORT_RANGE_TOO_LONG');
    expect((await sales({ from: '2024-01-01', to: '2025-12-31' })).status).toBe(200);
    const backwards = await sales({ from: '2026-03-12', to: '2026-03-10' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('REPORT_RANGE_INVALID');
    const sameInstant = await sales({ from: '2026-03-10T10:00:00Z', to: '2026-03-10T10:00:00Z' });
    expect(sameInstant.body.code).toBe('REPORT_RANGE_INVALID');
    expect((await sales({ ...RANGE, groupBy: 'weather' })).body.code).toBe('VALIDATION_FAILED');
    expect((await sales({ from: 'yesterday' })).status).toBe(400);
    expect((await sales({ ...RANGE, tz: 'Mars/Olympus' })).body.code).toBe('TIMEZONE_INVALID');
  });

  it('is for admins and event managers only', async () => {
    expect((await sales(RANGE, admin)).status).toBe(200);
    for (const token of [customer.accessToken, (await makeStaff(t, ['support_agent'])).accessToken]) {
      const res = await sales(RANGE, token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ROLE_MISSING');
    }
  });
});

describe('check-in report', () => {
  it('rates by event and by gate', async () => {
    const gate = await t.http().post(`/api/events/${ids.a}/gates`).set(auth(manager)).send({ name: 'North' });
    expect(gate.status).toBe(201);
    const scan = (code: string, gateId?: string) =>
      t.http().post('/api/tickets/validate').set(auth(scanner)).send({ code, gateId });
    // Event A keeps 2 valid tickets (p2's unrefunded two): one admitted at North, then scanned
    // again, and a refunded ticket presented there. Event C: one of its two tickets, no gate.
    expect((await scan(sold.p2.tickets[1].code, gate.body.id)).body.result).toBe('admitted');
    expect((await scan(sold.p2.tickets[1].code, gate.body.id)).body).toMatchObject({
      result: 'rejected',
      reason: 'already_used',
    });
    expect((await scan(sold.p1.tickets[0].code, gate.body.id)).body.result).toBe('rejected');
    expect((await scan(sold.p5.tickets[0].code)).body.result).toBe('admitted');

    const range = {
      from: new Date().toISOString().slice(0, 10),
      to: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    };
    const byEvent = await t.http().get('/api/reports/check-ins').query(range).set(auth(manager));
    expect(byEvent.status).toBe(200);
    const row = (id: string) => byEvent.body.items.find((r: { eventId: string }) => r.eventId === id);
    expect(row(ids.a)).toMatchObject({
      eventName: 'Report A',
      tickets: 2,
      admitted: 1,
      entries: 1,
      rejected: 2,
      rate: 0.5,
    });
    expect(row(ids.b)).toMatchObject({ tickets: 0, admitted: 0, rejected: 0, rate: null });
    expect(row(ids.c)).toMatchObject({ tickets: 2, admitted: 1, rejected: 0, rate: 0.5 });

    const byGate = (eventId: string) =>
      t
        .http()
        .get('/api/reports/check-ins')
        .query({ ...range, eventId, groupBy: 'gate' })
        .set(auth(manager))
        .then((r) =>
          r.body.items.map((x: { gateName: string; admitted: number; rejected: number; rate: number }) => [
            x.gateName,
            x.admitted,
            x.rejected,
            x.rate,
          ]),
        );
    expect(await byGate(ids.a)).toEqual([['North', 1, 2, 0.5]]);
    expect(await byGate(ids.c)).toEqual([['Without a gate', 1, 0, 0.5]]);
    // Events starting outside the range are not in it.
    const past = await t
      .http()
      .get('/api/reports/check-ins')
      .query({ from: '2026-01-01', to: '2026-01-31' })
      .set(auth(manager));
    expect(past.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('exports', () => {
  async function finished(id: string, token = manager) {
    // Poll the run until the worker is done with it (the job is asynchronous by design).
    for (;;) {
      const res = await t.http().get(`/api/reports/exports/${id}`).set(auth(token));
      expect(res.status).toBe(200);
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const download = (url: string) => {
    const u = new URL(url);
    return t
      .http()
      .get(u.pathname + u.search)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  };

  it('a CSV of the sales report, through the Report Worker, downloadable by a signed link', async () => {
    const res = await t
      .http()
      .post('/api/reports/exports')
      .set(auth(manager))
      .send({ kind: 'sales', format: 'csv', ...RANGE, groupBy: 'event' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null });
    const run = await finished(res.body.id);
    expect(run).toMatchObject({ status: 'succeeded', progress: 100, rowCount: 3, error: null });
    expect(run.downloadUrl).toMatch(/\/api\/files\/reports\/sales\//);
    const [row] = await t.db.query('SELECT status, file_key FROM report_runs WHERE id = $1', [run.id]);
    expect(row.status).toBe('succeeded');

    const file = await download(run.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = (file.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'key,label,event_id,currency,purchases,tickets,tickets_refunded,gross_minor,refunds_minor,net_minor,average_price_minor,capacity,sell_through',
    );
    expect(lines).toContain(`${ids.a},Report A,${ids.a},EUR,3,7,5,28500,6800,21700,4071,110,0.0182`);
    expect(lines).toHaveLength(4);

    // The link is the credential: altered, it stops working.
    const forged = await download(
      run.downloadUrl.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    );
    expect(forged.status).toBe(403);
  });

  it('an XLSX of every purchase in the range, read back', async () => {
    const res = await t
      .http()
      .post('/api/reports/exports')
      .set(auth(admin))
      .send({ kind: 'purchases', format: 'xlsx', ...RANGE });
    expect(res.status).toBe(202);
    const run = await finished(res.body.id, admin);
    expect(run).toMatchObject({ status: 'succeeded', progress: 100, rowCount: 5 });
    const file = await download(run.downloadUrl);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = (values[0] as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['purchase_id', 'total_minor', 'refunded_minor', 'net_minor']));
    const rows = values.slice(1).map((v) => Object.fromEntries(header.map((h, i) => [h, v[i + 1]])));
    expect(rows.map((r) => r.purchase_id)).toEqual(
      [sold.p1.id, sold.p2.id, sold.p3.id, sold.p5.id, sold.p4.id].sort((x, y) => {
        const order = [sold.p1.id, sold.p2.id].sort();
        const rank = (id: unknown) =>
          id === sold.p3.id ? 2 : id === sold.p5.id ? 3 : id === sold.p4.id ? 4 : order.indexOf(String(id));
        return rank(x) - rank(y);
      }),
    );
    const eur = rows.filter((r) => r.currency === 'EUR');
    expect(eur.reduce((s, r) => s + Number(r.net_minor), 0)).toBe(21700);
    expect(rows.find((r) => r.purchase_id === sold.p3.id)).toMatchObject({
      channel: 'box_office',
      total_minor: 8000,
      refunded_minor: 3000,
      net_minor: 5000,
      tickets: 1,
    });
  });

  it('bad requests are refused with a code and queue nothing', async () => {
    const runs = async () => ((await t.db.query('SELECT count(*)::int AS n FROM report_runs')) as { n: number }[])[0].n;
    const outbox = async () =>
      (
        (await t.db.query("SELECT count(*)::int AS n FROM outbox_messages WHERE name = 'reports.export'")) as {
          n: number;
        }[]
      )[0].n;
    const before = [await runs(), await outbox()];
    const post = (body: Record<string, unknown>, token = manager) =>
      t.http().post('/api/reports/exports').set(auth(token)).send(body);
    const tooLong = await post({ kind: 'sales', format: 'csv', from: '2023-01-01', to: '2025-06-01' });
    expect([tooLong.status, tooLong.body.code]).toEqual([422, 'REPORT_RANGE_TOO_LONG']);
    const backwards = await post({ kind: 'sales', format: 'csv', from: '2026-03-12', to: '2026-03-01' });
    expect([backwards.status, backwards.body.code]).toEqual([422, 'REPORT_RANGE_INVALID']);
    const wrongGroup = await post({ kind: 'sales', format: 'csv', ...RANGE, groupBy: 'gate' });
    expect([wrongGroup.status, wrongGroup.body.code]).toEqual([422, 'REPORT_GROUP_INVALID']);
    expect((await post({ kind: 'sales', format: 'pdf', ...RANGE })).status).toBe(400);
    expect((await post({ kind: 'sales', format: 'csv', ...RANGE }, customer.accessToken)).status).toBe(403);
    expect([await runs(), await outbox()]).toEqual(before);
  });

  it("another manager's export is a 404; an admin sees it", async () => {
    const res = await t
      .http()
      .post('/api/reports/exports')
      .set(auth(manager))
      .send({ kind: 'check_ins', format: 'csv', ...RANGE });
    const other = (await makeStaff(t, ['event_manager'])).accessToken;
    expect((await t.http().get(`/api/reports/exports/${res.body.id}`).set(auth(other))).status).toBe(404);
    expect((await t.http().get(`/api/reports/exports/${res.body.id}`).set(auth(admin))).status).toBe(200);
    await finished(res.body.id);
  });
});

describe('dashboard summary', () => {
  it("today's sales and today's events, live", async () => {
    const e = await makeEvent(t, manager, { name: 'Tonight', startsAt: new Date(Date.now() + 60_000).toISOString() });
    const tt = await makeTicketType(t, manager, e.id, { price: 2000, capacity: 40 });
    await publish(t, manager, e.id);
    const sale = await buy(customer.accessToken, e.id, [[tt.id, 2]], { method: 'sandbox', token: 'sandbox_ok' });
    await t.http().post('/api/tickets/validate').set(auth(scanner)).send({ code: sale.tickets[0].code });
    const res = await t.http().get('/api/reports/summary').set(auth(manager));
    expect(res.status).toBe(200);
    expect(res.body.today).toEqual([
      expect.objectContaining({ currency: 'EUR', purchases: 1, tickets: 2, gross: 4000 }),
    ]);
    const tonight = res.body.events.find((x: { id: string }) => x.id === e.id);
    expect(tonight).toMatchObject({
      name: 'Tonight',
      sold: 2,
      capacity: 40,
      tickets: 2,
      admitted: 1,
      checkInRate: 0.5,
    });
    expect(tonight.lastScanAt).not.toBeNull();
    expect(res.body.events.map((x: { id: string }) => x.id)).not.toContain(ids.a);
    expect(res.body.support).toEqual({
      open: 0,
      pending: 0,
      unassigned: 0,
      averageFirstResponseSeconds: null,
      averageResolutionSeconds: null,
    });
  });
});
