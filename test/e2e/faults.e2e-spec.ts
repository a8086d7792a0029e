import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createTestApp, makeStaff, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/database.js';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/env.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { pdfAttachments } from '../support/pdf-qr.js';
import { SmtpCatcher } from '../support/smtp.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('a vendor purchase while Redis is down', () => {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_REDIS_URL).port || 6379));
  const smtp = new SmtpCatcher();
  let t: TestApp;
  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await createTestApp({
      worker: true,
      env: { REDIS_URL: `redis://127.0.0.1:${await proxy.start()}`, SMTP_URL: smtpUrl },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
    await smtp.stop();
  });

  it('is paid and issued; its tickets and mail wait in the outbox and go out, once, when Redis is back', async () => {
    const manager = (await makeStaff(t, ['event_manager'])).accessToken;
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10 });
    await publish(t, manager, e.id);
    const key = (
      await t
        .http()
        .post('/api/api-clients')
        .set(auth(await adminToken(t)))
        .send({ name: 'Reseller', scopes: ['tickets:purchase'] })
    ).body.key as string;
    await proxy.cut();
    try {
      const res = await t
        .http()
        .post('/api/tickets/purchase')
        .set('x-api-key', key)
        .set('idempotency-key', randomUUID())
        .send({
          eventId: e.id,
          items: [{ ticketTypeId: tt.id, quantity: 2 }],
          payment: { method: 'sandbox', token: 'sandbox_ok' },
          buyer: { email: 'fan@partner.test' },
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'paid', channel: 'vendor' });
      expect(res.body.tickets).toHaveLength(2);
      const purchaseId = res.body.id as string;
      await new Promise((r) => setTimeout(r, 1000));
      const [row] = await t.db.query(
        "SELECT relayed_at FROM outbox_messages WHERE name = 'tickets.render' AND payload->>'purchaseId' = $1",
        [purchaseId],
      );
      expect(row.relayed_at).toBeNull();
      expect(smtp.messages.filter((m) => m.to.includes('fan@partner.test'))).toHaveLength(0);
    } finally {
      await proxy.restore();
    }
    expect((await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [tt.id]))[0].sold).toBe(2);
    const mail = await smtp.waitFor((m) => m.to.includes('fan@partner.test'), 45_000);
    expect(pdfAttachments(mail.raw)).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages.filter((m) => m.to.includes('fan@partner.test'))).toHaveLength(1);
  });
});

describe('the API killed with SIGKILL in the middle of a sale', () => {
  let databaseUrl: string;
  let child: ChildProcess;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('leaves no half-written purchase, and no stock is lost once holds expire', async () => {
    databaseUrl = await createTestDatabase();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `${TEST_REDIS_PREFIX}kill${randomBytes(3).toString('hex')}:`,
      QUEUE_PREFIX: `${TEST_REDIS_PREFIX}qkill${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT: 'off',
      SERVE_APPS: 'false',
      PAYMENT_SANDBOX: 'true',
      LOG_LEVEL: 'silent',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@kill.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-123',
    };
    child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const json = async <T>(res: Promise<Response>) => (await (await res).json()) as T;
    const { accessToken: admin } = await json<{ accessToken: string }>(
      post('/api/auth/login', { email: 'admin@kill.test', password: 'admin-password-123' }),
    );
    const h = { authorization: `Bearer ${admin}` };
    const event = await json<{ id: string }>(
      post(
        '/api/events',
        { name: 'Kill test', startsAt: new Date(Date.now() + 86_400_000 * 5).toISOString(), timezone: 'UTC' },
        h,
      ),
    );
    const type = await json<{ id: string }>(
      post('/api/tickets/types', { eventId: event.id, name: 'GA', price: 1000, currency: 'EUR', capacity: 1000 }, h),
    );
    await post(`/api/events/${event.id}/publish`, {}, h);
    // And a seated event: 100 seats, bought two at a time as best available.
    const venue = await json<{ id: string }>(post('/api/venues', { name: 'Kill hall', timezone: 'UTC' }, h));
    const section = await json<{ id: string }>(
      post(`/api/venues/${venue.id}/sections`, { name: 'Stalls', kind: 'reserved' }, h),
    );
    await post(`/api/venues/${venue.id}/sections/${section.id}/seats/generate`, { rows: 5, seatsPerRow: 20 }, h);
    const seatedEvent = await json<{ id: string }>(
      post(
        '/api/events',
        {
          name: 'Kill test seated',
          startsAt: new Date(Date.now() + 86_400_000 * 5).toISOString(),
          timezone: 'UTC',
          venueId: venue.id,
        },
        h,
      ),
    );
    const seated = await json<{ id: string }>(
      post(
        '/api/tickets/types',
        { eventId: seatedEvent.id, name: 'Stalls', price: 3000, currency: 'EUR', sectionIds: [section.id] },
        h,
      ),
    );
    await post(`/api/events/${seatedEvent.id}/publish`, {}, h);
    // Buyers hammer the API (general admission and seats in turn); it is killed in the middle.
    const inflight: Promise<unknown>[] = [];
    let completed = 0;
    for (let i = 0; i < 300; i++) {
      inflight.push(
        post(
          '/api/tickets/purchase',
          i % 2 === 0
            ? {
                eventId: event.id,
                items: [{ ticketTypeId: type.id, quantity: 1 }],
                payment: { method: 'sandbox', token: 'sandbox_ok' },
              }
            : {
                eventId: seatedEvent.id,
                bestAvailable: { ticketTypeId: seated.id, quantity: 2 },
                payment: { method: 'sandbox', token: 'sandbox_ok' },
              },
          { ...h, 'idempotency-key': randomUUID() },
        )
          .then(() => completed++)
          .catch(() => null),
      );
      await new Promise((r) => setTimeout(r, 3));
    }
    // Killed while some sales are done and many are mid-way.
    const watchdog = Date.now() + 30_000;
    while (completed < 25 && Date.now() < watchdog) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await Promise.all(inflight);
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));

    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // Every purchase that exists has its history; paid ones have their tickets; no event log without a purchase.
      const broken = await db.query(`
        SELECT p.id, p.status, p.version, p.event_id, (SELECT count(*) FROM purchase_events e WHERE e.purchase_id = p.id)::int AS events,
               (SELECT count(*) FROM issued_tickets t WHERE t.purchase_id = p.id)::int AS tickets
          FROM ticket_purchases p`);
      for (const r of broken.rows) {
        expect(r.events).toBe(r.version);
        if (r.status === 'paid') expect(r.tickets).toBe(r.event_id === seatedEvent.id ? 2 : 1);
        else expect(r.tickets).toBe(0);
      }
      // Once holds expire, sold equals the valid tickets and nothing stays held: a new API instance's
      // expiry pass (the scheduled job's code) gives back whatever the killed one left held.
      await db.query("UPDATE holds SET expires_at = now() - interval '1 second' WHERE status = 'active'");
      const { createApiApp } = await import('../../apps/api/src/app.factory.js');
      const { loadConfig } = await import('../../apps/api/src/platform/config/config.js');
      const { InventoryService } = await import('../../apps/api/src/modules/inventory/inventory.service.js');
      const app = await createApiApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { worker: false });
      await app.init();
      try {
        await app.get(InventoryService).expireDue(10_000);
      } finally {
        await app.close();
      }
      const counters = (await db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [type.id])).rows[0];
      const valid = (
        await db.query("SELECT count(*)::int AS n FROM issued_tickets WHERE ticket_type_id = $1 AND status = 'valid'", [
          type.id,
        ])
      ).rows[0].n;
      expect(valid).toBeGreaterThan(0);
      expect(counters).toEqual({ sold: valid, held: 0 });
      const stuck = (await db.query("SELECT count(*)::int AS n FROM event_seats WHERE status = 'held'")).rows[0].n;
      expect(stuck).toBe(0);
      // Seats: each valid ticket has its own seat, and the seats marked sold are exactly those.
      const seats = (
        await db.query(
          `SELECT (SELECT sold FROM ticket_types WHERE id = $1) AS sold,
                  (SELECT held FROM ticket_types WHERE id = $1) AS held,
                  (SELECT count(*)::int FROM issued_tickets WHERE ticket_type_id = $1 AND status = 'valid') AS valid,
                  (SELECT count(DISTINCT seat_id)::int FROM issued_tickets WHERE ticket_type_id = $1 AND status = 'valid') AS seats,
                  (SELECT count(*)::int FROM event_seats WHERE event_id = $2 AND status = 'sold') AS marked,
                  (SELECT count(*)::int FROM event_seats s
                     WHERE s.event_id = $2 AND s.status = 'sold' AND NOT EXISTS (
                       SELECT 1 FROM issued_tickets t WHERE t.seat_id = s.seat_id AND t.ticket_type_id = $1 AND t.status = 'valid'
                     )) AS orphans`,
          [seated.id, seatedEvent.id],
        )
      ).rows[0];
      expect(seats.valid).toBeGreaterThan(0);
      expect(seats).toEqual({
        sold: seats.valid,
        held: 0,
        valid: seats.valid,
        seats: seats.valid,
        marked: seats.valid,
        orphans: 0,
      });
    } finally {
      await db.end();
    }
  }, 90_000);
});
