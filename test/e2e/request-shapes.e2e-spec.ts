import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../../apps/api/src/platform/http/openapi.js';
import { createTestApp, login, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { makeOnSale, makeSection, makeVenue, purchase, SANDBOX_OK } from '../support/factories.js';
import { operationsOf, type Shape, shapesOf, UNKNOWN_ID } from '../support/request-shapes.js';

/**
 * No request can cause a 5xx by its shape: every operation of the OpenAPI document, called by an
 * admin, a customer and a vendor's API key with ids that are not ids, ids of the wrong kind, odd query values, bodies that are not
 * objects and plausible bodies with one field at a time of another type, answers a 2xx or a 4xx
 * problem with a stable code.
 */
const CALLERS = ['admin', 'customer', 'vendor'] as const;
type Caller = (typeof CALLERS)[number];

describe('request shapes', () => {
  let t: TestApp;
  let ids: string[];
  /** Credentials per caller; a caller whose session a shape ended (logout, a role change) gets new ones. */
  const callers: Record<Caller, { header: [string, string]; renew: () => Promise<[string, string]> }> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await makeStaff(t, ['admin']);
    const venue = await makeVenue(t, admin.accessToken);
    const section = await makeSection(t, admin.accessToken, venue.id);
    const { eventId, typeId } = await makeOnSale(t, admin.accessToken);
    const buyer = await makeCustomer(t);
    const sold = await purchase(t, buyer.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: SANDBOX_OK,
    });
    if (sold.status !== 201) throw new Error(`seed purchase: ${sold.status} ${JSON.stringify(sold.body)}`);
    const body = sold.body as { id: string; tickets: { id: string }[] };
    // The unknown id first: mutated bodies use it; then one real id of each kind.
    ids = [UNKNOWN_ID, eventId, typeId, venue.id, section.id, body.id, body.tickets[0].id];
    const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];
    const vendorKey = async (): Promise<[string, string]> => {
      const res = await t
        .http()
        .post('/api/api-clients')
        .set(...bearer((await makeStaff(t, ['admin'])).accessToken))
        .send({
          name: `Vendor ${randomUUID().slice(0, 8)}`,
          scopes: ['events:read', 'tickets:purchase', 'reports:read'],
        });
      return ['x-api-key', (res.body as { key: string }).key];
    };
    const renew = {
      admin: async () => bearer((await makeStaff(t, ['admin'])).accessToken),
      // The buyer of the seeded purchase: its own order and ticket are among the ids.
      customer: async () => bearer((await login(t, buyer.email, buyer.password)).accessToken),
      vendor: vendorKey,
    };
    for (const who of CALLERS) callers[who] = { header: await renew[who](), renew: renew[who] };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function send(
    who: Caller,
    shape: Shape,
  ): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
    const call = () => {
      const method = shape.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const agent = t.http();
      const req = agent[method](shape.url)
        .set(...callers[who].header)
        .set('idempotency-key', randomUUID());
      return (
        shape.body !== undefined ? req.set('content-type', 'application/json').send(JSON.stringify(shape.body)) : req
      ).buffer(true);
    };
    let res = await call();
    if (res.status === 401) {
      callers[who].header = await callers[who].renew();
      res = await call();
    }
    let body: Record<string, unknown> = {};
    try {
      body = res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {};
    } catch {
      // Files (PDF, CSV) and streams are not JSON; only their status matters here.
    }
    return { status: res.status, type: String(res.headers['content-type'] ?? ''), body };
  }

  it.each(CALLERS)(
    'no operation answers 5xx, and every refusal is a problem with a code (as %s)',
    async (who) => {
      const doc = buildOpenApiDocument(t.app) as unknown as Parameters<typeof operationsOf>[0];
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(100);
      // Each kind of failure (operation and status) with the shapes that caused it.
      const failures = new Map<string, string[]>();
      const fail = (key: string, what: string) => failures.set(key, [...(failures.get(key) ?? []), what]);
      let sent = 0;
      for (const op of operations) {
        // A live event's stream stays open by design: only unknown and odd ids are tried there.
        const realIdsInPath = !op.path.endsWith('/stream');
        for (const shape of shapesOf(doc, op, ids, { realIdsInPath })) {
          const res = await send(who, shape);
          sent++;
          const where = `${shape.method} ${op.path}`;
          if (res.status >= 500) fail(`${where} ${res.status}`, shape.what);
          else if (
            res.status >= 400 &&
            (!res.type.startsWith('application/problem+json') || typeof res.body.code !== 'string')
          )
            fail(`${where} ${res.status} not a problem (${res.type})`, shape.what);
        }
      }
      expect(sent).toBeGreaterThan(2000);
      expect([...failures].map(([k, whats]) => `${k} <- ${whats.length}: ${whats.slice(0, 3).join('; ')}`)).toEqual([]);
    },
    600_000,
  );

  it('odd credentials, keys and content types get 4xx problems too', async () => {
    const odd: [string, string][] = [
      ['authorization', 'Bearer'],
      ['authorization', 'Bearer '],
      ['authorization', 'Basic dXNlcjpwYXNz'],
      ['authorization', `Bearer ${'a'.repeat(8000)}`],
      ['authorization', 'Bearer a.b.c'],
      ['authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'],
      ['x-api-key', 'tk_nope'],
      ['x-api-key', 'x'.repeat(5000)],
      ['idempotency-key', 'has spaces & ; "quotes"'],
      ['idempotency-key', 'k'.repeat(300)],
      ['content-type', 'application/json; charset=latin1'],
      ['content-type', 'application/x-www-form-urlencoded'],
      ['content-type', 'multipart/form-data; boundary=x'],
      ['content-type', 'application/json, text/plain'],
    ];
    const failures: string[] = [];
    for (const [method, url] of [
      ['get', '/api/me'],
      ['get', '/api/events'],
      ['post', '/api/tickets/purchase'],
      ['post', '/api/holds'],
    ] as const) {
      for (const [name, value] of odd) {
        const req = t.http()[method](url).set('content-type', 'application/json');
        if (name !== 'authorization' && name !== 'x-api-key') req.set(...callers.admin.header);
        const res = await req.set(name, value).send(method === 'post' ? 'a=1' : undefined);
        const problem =
          res.headers['content-type']?.startsWith('application/problem+json') && typeof res.body.code === 'string';
        if (res.status >= 500 || (res.status >= 400 && !problem))
          failures.push(`${method} ${url} ${name}=${value.slice(0, 30)} -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
