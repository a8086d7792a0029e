import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import {
  auth,
  generateSeats,
  makeEvent,
  makeSection,
  makeTicketType,
  makeVenue,
  publish,
  purchase,
  SANDBOX_OK,
} from '../support/factories.js';
import { TEST_REDIS_PREFIX } from '../support/env.js';

interface Snapshot {
  eventId: string;
  ticketTypes: { id: string; available: number }[];
  takenSeats: string[];
}

/** Reads `availability` events from the SSE stream until `until` accepts one. */
function readStream(base: string, eventId: string) {
  const events: Snapshot[] = [];
  let buffer = '';
  const req = http.get(`${base}/api/events/${eventId}/stream`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes('event: availability')) {
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as Snapshot);
        }
      }
    });
  });
  return {
    events,
    async until(check: (s: Snapshot) => boolean, timeoutMs = 5000): Promise<Snapshot> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find(check);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(`no matching availability event; got ${JSON.stringify(events.map((e) => e.ticketTypes))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => req.destroy(),
  };
}

describe('live availability (SSE, fanned out through Redis pub/sub)', () => {
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  beforeAll(async () => {
    const shared = { REDIS_KEY_PREFIX: `${TEST_REDIS_PREFIX}sse${Date.now()}:` };
    a = await createTestApp({ env: shared });
    // A second API instance on the same database and Redis: streams there see sales made on the first.
    const { createApiApp } = await import('../../apps/api/src/app.factory.js');
    const { loadConfig } = await import('../../apps/api/src/platform/config/config.js');
    const { testEnv } = await import('../support/app.js');
    const cfg = loadConfig({ ...testEnv(a.databaseUrl, shared), JWT_SECRET: a.config.auth.jwtSecret });
    const app = await createApiApp(cfg, { worker: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseB = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    b = { ...a, app, close: () => app.close() } as TestApp;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('pushes a new snapshot when a sale on another instance changes stock', async () => {
    const manager = (await makeStaff(a, ['event_manager'])).accessToken;
    const e = await makeEvent(a, manager);
    const tt = await makeTicketType(a, manager, e.id, { capacity: 20 });
    await publish(a, manager, e.id);
    const stream = readStream(baseB, e.id);
    try {
      await stream.until((s) => s.ticketTypes[0]?.available === 20);
      const c = await makeCustomer(a);
      const res = await a
        .http()
        .post('/api/tickets/purchase')
        .set(auth(c.accessToken))
        .set('idempotency-key', randomUUID())
        .send({
          eventId: e.id,
          items: [{ ticketTypeId: tt.id, quantity: 3 }],
          payment: { method: 'sandbox', token: 'sandbox_ok' },
        });
      expect(res.status).toBe(201);
      const after = await stream.until((s) => s.ticketTypes[0]?.available === 17);
      expect(after.eventId).toBe(e.id);
    } finally {
      stream.close();
    }
    const snapshot = await a.http().get(`/api/events/${e.id}/availability`);
    expect(snapshot.body.ticketTypes[0]).toMatchObject({ id: tt.id, available: 17, status: 'on_sale' });
  });

  it('a draft or unknown event has no stream', async () => {
    expect((await a.http().get(`/api/events/${randomUUID()}/availability`)).status).toBe(404);
    const manager = (await makeStaff(a, ['event_manager'])).accessToken;
    const draft = await makeEvent(a, manager);
    for (const id of [randomUUID(), draft.id]) {
      const stream = await a.http().get(`/api/events/${id}/stream`);
      expect([stream.status, stream.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
    }
  });

  it('tells held seats from sold ones', async () => {
    const manager = (await makeStaff(a, ['event_manager'])).accessToken;
    const venue = await makeVenue(a, manager);
    const section = await makeSection(a, manager, venue.id);
    const seats = await generateSeats(a, manager, venue.id, section.id, 1, 4);
    const e = await makeEvent(a, manager, { venueId: venue.id });
    const tt = await makeTicketType(a, manager, e.id, { capacity: undefined, sectionIds: [section.id] });
    await publish(a, manager, e.id);
    const [held, sold] = seats.map((s) => s.id);
    const buyer = await makeCustomer(a);
    const hold = await a
      .http()
      .post('/api/holds')
      .set(auth(buyer.accessToken))
      .send({ eventId: e.id, seats: [{ seatId: held, ticketTypeId: tt.id }] });
    expect(hold.status).toBe(201);
    const sale = await purchase(a, buyer.accessToken, {
      eventId: e.id,
      seats: [{ seatId: sold, ticketTypeId: tt.id }],
      payment: SANDBOX_OK,
    });
    expect(sale.status).toBe(201);
    const now = await a.http().get(`/api/events/${e.id}/availability`);
    expect([...now.body.takenSeats].sort()).toEqual([held, sold].sort());
    expect(now.body.heldSeats).toEqual([held]);
  });
});
