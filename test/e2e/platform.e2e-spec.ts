import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createTestApp, makeCustomer, type TestApp } from '../support/app.js';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/env.js';
import { TcpProxy } from '../support/tcp-proxy.js';

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096', CORS_ORIGINS: 'https://shop.example.com' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      code,
      type: expect.stringContaining('/problems/'),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  it('answers malformed JSON with 400 MALFORMED_JSON and creates nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const res = await t
      .http()
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c",');
    expectProblem(res, 400, 'MALFORMED_JSON');
    expect((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before[0].n);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'big@test.local', password: 'x'.repeat(10_000), name: 'Big' });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields and wrong types with the field named', async () => {
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@test.local', password: 'pw', isAdmin: true });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.errors).toContainEqual({ field: 'isAdmin', message: 'isAdmin is not allowed' });
    const wrongType = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 42, password: ['pw'] });
    expectProblem(wrongType, 400, 'VALIDATION_FAILED');
    const fields = (wrongType.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses a body that is not an object, and a non-JSON content type', async () => {
    expectProblem(await t.http().post('/api/auth/login').send([1, 2]), 400, 'BODY_NOT_OBJECT');
    expectProblem(
      await t.http().post('/api/auth/login').set('content-type', 'application/json').send('"text"'),
      400,
      'BODY_NOT_OBJECT',
    );
    const text = await t.http().post('/api/auth/login').set('content-type', 'text/plain').send('hello');
    expect([400, 415]).toContain(text.status);
    expect(text.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers unknown routes and bad ids with problems, not 500s', async () => {
    expectProblem(await t.http().get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectProblem(await t.http().get('/api/events/not-a-uuid'), 400, 'BAD_REQUEST');
    expectProblem(await t.http().get('/api/events/6f1c2b0e-1d2a-4c8b-9a4e-2b1f0c9d8e7a'), 404, 'EVENT_NOT_FOUND');
    expectProblem(await t.http().get('/api/events').query({ limit: 'many' }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http().get('/api/events').query({ from: 'yesterday' }), 400, 'VALIDATION_FAILED');
  });

  it('answers a path the router refuses (too long, bad encoding) with a problem and the usual headers', async () => {
    const long = await t.http().get(`/api/events/${'x'.repeat(600)}`);
    expectProblem(long, 414, 'URI_TOO_LONG');
    expect(long.headers['x-content-type-options']).toBe('nosniff');
    const encoding = await t.http().get('/api/events/%C3%28').set('x-request-id', 'bad-url-1');
    expectProblem(encoding, 400, 'MALFORMED_URL');
    expect(encoding.headers['x-request-id']).toBe('bad-url-1');
  });

  it('refuses a NUL character in a body or query field, naming it, and stores nothing', async () => {
    const customer = await makeCustomer(t);
    const before = await t.db.query('SELECT count(*)::int AS n FROM tickets');
    const body = await t
      .http()
      .post('/api/tickets')
      .set('authorization', `Bearer ${customer.accessToken}`)
      .send({ subject: 'Refund', message: 'a\u0000b' });
    expectProblem(body, 400, 'VALIDATION_FAILED');
    expect(body.body.errors).toEqual([{ field: 'message', message: expect.stringContaining('NUL') }]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM tickets'))[0].n).toBe(before[0].n);
    const query = await t.http().get('/api/events').query({ q: 'rock\u0000' });
    expectProblem(query, 400, 'VALIDATION_FAILED');
    expect(query.body.errors).toEqual([{ field: 'q', message: expect.stringContaining('NUL') }]);
  });

  it('refuses an array, or an array of arrays, where an object is nested', async () => {
    const customer = await makeCustomer(t);
    const auth = { authorization: `Bearer ${customer.accessToken}`, 'idempotency-key': 'nested-shapes-1' };
    const payment = await t.http().post('/api/tickets/purchase').set(auth).send({ holdId: null, payment: [] });
    expectProblem(payment, 400, 'VALIDATION_FAILED');
    expect(payment.body.errors).toContainEqual({ field: 'payment', message: 'payment must be an object' });
    const missing = await t.http().post('/api/tickets/purchase').set(auth).send({});
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect((missing.body.errors as { field: string }[]).map((e) => e.field)).toContain('payment');
    const items = await t
      .http()
      .post('/api/holds')
      .set(auth)
      .send({ eventId: '6f1c2b0e-1d2a-4c8b-9a4e-2b1f0c9d8e7a', items: [[]] });
    expectProblem(items, 400, 'VALIDATION_FAILED');
    expect(items.body.errors).toContainEqual({ field: 'items', message: 'each item of items must be an object' });
  });

  it('echoes a caller request id, or makes one', async () => {
    const given = await t.http().get('/api/health/live').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/api/health/live');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await t.http().get('/api/health/live').set('x-request-id', '<script>');
    expect(hostile.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers and CORS only to configured origins', async () => {
    const res = await t.http().get('/api/health/live').set('origin', 'https://shop.example.com');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    const other = await t.http().get('/api/health/live').set('origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.body.paths['/api/staff'].get.security).toEqual([{ bearer: [] }]);
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves anonymous catalog reads from a one-second cache with the same headers, never authenticated ones', async () => {
    const miss = await t.http().get('/api/events?limit=7');
    const hit = await t.http().get('/api/events?limit=7');
    expect(miss.headers['x-cache']).toBe('miss');
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.body).toEqual(miss.body);
    expect(hit.headers['cache-control']).toBe('public, max-age=1');
    for (const h of [
      'content-security-policy',
      'x-content-type-options',
      'strict-transport-security',
      'content-type',
    ]) {
      expect(hit.headers[h]).toBe(miss.headers[h]);
    }
    expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
    const c = await makeCustomer(t);
    const signedIn = await t.http().get('/api/events?limit=7').set('authorization', `Bearer ${c.accessToken}`);
    expect(signedIn.headers['x-cache']).toBeUndefined();
    const otherOrigin = await t.http().get('/api/events?limit=7').set('origin', 'https://shop.example.com');
    expect(otherOrigin.headers['x-cache']).toBe('miss');
    expect(otherOrigin.headers['access-control-allow-origin']).toBe('https://shop.example.com');
  });

  it('reports live and ready', async () => {
    expect((await t.http().get('/api/health/live')).body).toEqual({ status: 'ok', checks: { process: 'up' } });
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', sessions: 'up', queue: 'up' } });
  });
});

describe('rate limits stored in Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const shared = {
    RATE_LIMIT: 'on',
    RATE_LIMIT_POINTS: '5',
    RATE_LIMIT_AUTH_POINTS: '3',
    RATE_LIMIT_WINDOW_SECONDS: '60',
    REDIS_KEY_PREFIX: `${TEST_REDIS_PREFIX}rl${Date.now()}:`,
  };
  beforeAll(async () => {
    // Two API instances sharing one Redis share one budget.
    a = await createTestApp({ env: shared });
    b = await createTestApp({ env: shared });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('answers 429 with Retry-After once the budget across instances is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push((await app.http().get('/api/events')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await a.http().get('/api/events');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives credential routes a tighter budget', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await a.http().post('/api/auth/login').send({ email: 'x@test.local', password: 'nope' })).status);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});

describe('Redis outage', () => {
  let t: TestApp;
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_REDIS_URL).port || 6379));
  beforeAll(async () => {
    const port = await proxy.start();
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
  });

  it('ready turns 503 while Redis is down and 200 when it is back; sessions fail with 503, not 500', async () => {
    const c = await makeCustomer(t);
    await proxy.cut();
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ database: 'up', sessions: 'down' });
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${c.accessToken}`);
    expect(me.status).toBe(503);
    expect(me.body.code).toBe('SESSION_STORE_UNAVAILABLE');
    await proxy.restore();
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      back = (await t.http().get('/api/health/ready')).status;
    }
    expect(back).toBe(200);
  });
});

it('the test Redis is reachable', async () => {
  const r = new Redis(TEST_REDIS_URL);
  expect(await r.ping()).toBe('PONG');
  r.disconnect();
});
