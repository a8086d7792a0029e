import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { SessionService } from '../../apps/api/src/modules/auth/session.service.js';
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/platform/config/config.js';
import { RedisPubSub, RedisStore } from '../../apps/api/src/platform/store/redis.store.js';
import { ADMIN, adminToken, createTestApp, login, makeCustomer, makeStaff, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const problemOf = (res: { status: number; body: { code?: string }; headers: Record<string, string> }) => ({
  status: res.status,
  code: res.body.code,
  type: res.headers['content-type'],
});

describe('accounts and sessions', () => {
  it('registers a customer, who can read themself and has no roles', async () => {
    const c = await makeCustomer(t, 'Robin Register');
    expect(c.user.email).toBe(c.email);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${c.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: c.user.id, email: c.email, name: 'Robin Register', roles: [] });
    expect(JSON.stringify(me.body)).not.toContain('password');
    const rows = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [c.user.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email (any case), and changes nothing', async () => {
    const c = await makeCustomer(t);
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: c.email.toUpperCase(), password: 'another-password', name: 'Dup' });
    expect(problemOf(res)).toEqual({
      status: 409,
      code: 'EMAIL_TAKEN',
      type: 'application/problem+json; charset=utf-8',
    });
    const after = await t.db.query('SELECT count(*)::int AS n FROM users');
    expect(after[0].n).toBe(before[0].n);
  });

  it('logs in with the contract shape, and refuses a wrong password without telling which part was wrong', async () => {
    const c = await makeCustomer(t);
    const ok = await t.http().post('/api/auth/login').send({ email: c.email, password: c.password });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
    expect(Object.keys(ok.body.user).sort()).toEqual(['email', 'id', 'name', 'roles']);
    const wrong = await t.http().post('/api/auth/login').send({ email: c.email, password: 'wrong-password' });
    const nobody = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@test.local', password: 'wrong-password' });
    expect(problemOf(wrong).code).toBe('INVALID_CREDENTIALS');
    expect(problemOf(nobody).code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.detail).toBe(nobody.body.detail);
  });

  it('rotates refresh tokens: the old one stops working, and reusing it ends the session', async () => {
    const c = await makeCustomer(t);
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: c.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(c.refreshToken);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${first.body.accessToken}`);
    expect(me.status).toBe(200);

    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: c.refreshToken });
    expect(problemOf(replay)).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED' });
    // The whole session is gone: the newest refresh token and the access token stop working too.
    const newest = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(problemOf(newest)).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_INVALID' });
    const after = await t.http().get('/api/auth/me').set('authorization', `Bearer ${first.body.accessToken}`);
    expect(problemOf(after)).toMatchObject({ status: 401, code: 'SESSION_ENDED' });
  });

  it('lets one of two simultaneous refreshes with the same token win, never both', async () => {
    const c = await makeCustomer(t);
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: c.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || r.status === 401)).toBe(true);
  });

  it('logout revokes the session at once', async () => {
    const c = await makeCustomer(t);
    // Seen live first, so this instance remembers the session: the logout must still end it at once.
    expect((await t.http().get('/api/auth/me').set('authorization', `Bearer ${c.accessToken}`)).status).toBe(200);
    const out = await t.http().post('/api/auth/logout').set('authorization', `Bearer ${c.accessToken}`);
    expect(out.status).toBe(204);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${c.accessToken}`);
    expect(problemOf(me)).toMatchObject({ status: 401, code: 'SESSION_ENDED' });
    const refresh = await t.http().post('/api/auth/refresh').send({ refreshToken: c.refreshToken });
    expect(refresh.status).toBe(401);
  });
});

describe('sessions across API instances', () => {
  it('a session ended on one instance is forgotten by another that remembered it live', async () => {
    const config = t.app.get(APP_CONFIG) as AppConfig;
    if (!config.redis.url) throw new Error('this test needs Redis');
    const here = t.app.get(SessionService);
    // A second instance: its own Redis connections (store and pub/sub), the same Redis.
    const otherStore = new RedisStore(config.redis.url, config.redis.keyPrefix);
    const otherPubSub = new RedisPubSub(config.redis.url, config.redis.keyPrefix);
    const there = new SessionService(otherStore, otherPubSub, config, t.app.get(JwtService));
    await there.onModuleInit();
    try {
      const c = await makeCustomer(t);
      const sid = (JSON.parse(Buffer.from(c.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
      expect(await there.isActive(sid, c.user.id)).toBe(true);
      await here.end(sid);
      let forgotten = false;
      for (let i = 0; i < 100 && !forgotten; i++) {
        forgotten = !(await there.isActive(sid, c.user.id));
        if (!forgotten) await new Promise((r) => setTimeout(r, 20));
      }
      expect(forgotten).toBe(true);

      // Every session of a user (roles changed, account disabled) ends the same way.
      const d = await makeCustomer(t);
      const dsid = (JSON.parse(Buffer.from(d.accessToken.split('.')[1], 'base64url').toString()) as { sid: string })
        .sid;
      expect(await there.isActive(dsid, d.user.id)).toBe(true);
      await here.endAllFor(d.user.id);
      let all = false;
      for (let i = 0; i < 100 && !all; i++) {
        all = !(await there.isActive(dsid, d.user.id));
        if (!all) await new Promise((r) => setTimeout(r, 20));
      }
      expect(all).toBe(true);
    } finally {
      await there.onModuleDestroy();
      await otherPubSub.close();
      await otherStore.close();
    }
  });
});

describe('bad credentials are 401 problems, never 500s', () => {
  let token: string;
  let sub: string;
  beforeAll(async () => {
    const c = await makeCustomer(t);
    token = c.accessToken;
    sub = c.user.id;
  });
  const me = (authorization: string) => t.http().get('/api/auth/me').set('authorization', authorization);

  it('a missing token', async () => {
    expect(problemOf(await t.http().get('/api/auth/me'))).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
  });
  it('a non-bearer scheme', async () => {
    expect(problemOf(await me('Basic dXNlcjpwYXNz'))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
  it('garbage', async () => {
    expect(problemOf(await me('Bearer not.a.jwt'))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
  it('a tampered payload', async () => {
    const [h, , s] = token.split('.');
    const forged = `${h}.${b64({ sub, sid: 'x', roles: ['admin'], typ: 'access', exp: 9_999_999_999 })}.${s}`;
    expect(problemOf(await me(`Bearer ${forged}`))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
  it('alg: none', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, sid: 'x', roles: ['admin'], typ: 'access', exp: 9_999_999_999 })}.`;
    expect(problemOf(await me(`Bearer ${none}`))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
  it('a token signed with another secret', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub, sid: 'x', roles: ['admin'], typ: 'access', exp: 9_999_999_999 });
    const sig = createHmac('sha256', 'some-other-secret-that-is-long-enough-123')
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(problemOf(await me(`Bearer ${header}.${payload}.${sig}`))).toMatchObject({
      status: 401,
      code: 'TOKEN_INVALID',
    });
  });
  it('an expired token', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub, sid: 'x', roles: [], typ: 'access', iat: 1_600_000_000, exp: 1_600_000_900 });
    const sig = createHmac('sha256', t.config.auth.jwtSecret).update(`${header}.${payload}`).digest('base64url');
    expect(problemOf(await me(`Bearer ${header}.${payload}.${sig}`))).toMatchObject({
      status: 401,
      code: 'TOKEN_EXPIRED',
    });
  });
  it('a token accepted before is refused once it expires', async () => {
    const { sid } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string };
    const exp = Math.floor(Date.now() / 1000) + 2;
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub, sid, roles: [], typ: 'access', iat: exp - 60, exp });
    const sig = createHmac('sha256', t.config.auth.jwtSecret).update(`${header}.${payload}`).digest('base64url');
    const short = `Bearer ${header}.${payload}.${sig}`;
    expect((await me(short)).status).toBe(200);
    expect((await me(short)).status).toBe(200);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    expect(problemOf(await me(short))).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
  });
  it('a malformed refresh token', async () => {
    const res = await t.http().post('/api/auth/refresh').send({ refreshToken: 'x.y.z' });
    expect(problemOf(res)).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_INVALID' });
  });
});

describe('staff and roles', () => {
  it('an admin creates staff with roles; a customer gets 403 and nothing is created', async () => {
    const scanner = await makeStaff(t, ['scanner']);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${scanner.accessToken}`);
    expect(me.body.roles).toEqual(['scanner']);

    const c = await makeCustomer(t);
    const denied = await t
      .http()
      .post('/api/staff')
      .set('authorization', `Bearer ${c.accessToken}`)
      .send({ email: 'sneaky@test.local', password: 'sneaky-password', name: 'Sneaky', roles: ['admin'] });
    expect(problemOf(denied)).toMatchObject({ status: 403, code: 'ROLE_MISSING' });
    const rows = await t.db.query("SELECT 1 FROM users WHERE email = 'sneaky@test.local'");
    expect(rows).toHaveLength(0);
    const staffDenied = await t.http().get('/api/staff').set('authorization', `Bearer ${scanner.accessToken}`);
    expect(staffDenied.status).toBe(403);
  });

  it('refuses an unknown role', async () => {
    const res = await t
      .http()
      .post('/api/staff')
      .set('authorization', `Bearer ${await adminToken(t)}`)
      .send({ email: 'x1@test.local', password: 'long-enough-pass', name: 'X', roles: ['janitor'] });
    expect(problemOf(res)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0].field).toBe('roles');
  });

  it('disabling a staff member ends their sessions and blocks sign-in', async () => {
    const s = await makeStaff(t, ['box_office']);
    const admin = await adminToken(t);
    const res = await t
      .http()
      .patch(`/api/staff/${s.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${s.accessToken}`);
    expect(me.status).toBe(401);
    const again = await t.http().post('/api/auth/login').send({ email: s.email, password: s.password });
    expect(problemOf(again)).toMatchObject({ status: 403, code: 'ACCOUNT_DISABLED' });
  });

  it('lists staff with paging and search', async () => {
    const s = await makeStaff(t, ['support_agent']);
    const admin = await adminToken(t);
    const res = await t
      .http()
      .get('/api/staff')
      .query({ q: s.email, limit: 5 })
      .set('authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: s.id, roles: ['support_agent'], disabled: false });
    const tooMany = await t.http().get('/api/staff').query({ limit: 500 }).set('authorization', `Bearer ${admin}`);
    expect(problemOf(tooMany)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('creates the bootstrap admin once', async () => {
    const rows = await t.db.query('SELECT roles FROM users WHERE email = $1', [ADMIN.email]);
    expect(rows).toEqual([{ roles: ['admin'] }]);
    const session = await login(t, ADMIN.email, ADMIN.password);
    expect(session.accessToken).toBeTruthy();
  });
});

describe('vendor API keys', () => {
  it('are shown once, stored as a hash, authenticate with X-API-Key, record last use and stop at revocation', async () => {
    const admin = await adminToken(t);
    const created = await t
      .http()
      .post('/api/api-clients')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'Partner', scopes: ['events:read'] });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    expect(key).toMatch(/^tsk_/);
    const stored = await t.db.query('SELECT key_hash, last_used_at FROM api_clients WHERE id = $1', [id]);
    expect(stored[0].key_hash).not.toContain(key);
    expect(stored[0].last_used_at).toBeNull();

    const list = await t.http().get('/api/api-clients').set('authorization', `Bearer ${admin}`);
    expect(JSON.stringify(list.body)).not.toContain(key);

    // A key is not a staff credential: staff routes refuse it.
    const staffRoute = await t.http().get('/api/staff').set('x-api-key', key);
    expect(problemOf(staffRoute)).toMatchObject({ status: 403, code: 'SCOPE_MISSING' });
    const used = await t.db.query('SELECT last_used_at FROM api_clients WHERE id = $1', [id]);
    expect(used[0].last_used_at).not.toBeNull();

    const revoked = await t.http().delete(`/api/api-clients/${id}`).set('authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(204);
    const after = await t.http().get('/api/staff').set('x-api-key', key);
    expect(problemOf(after)).toMatchObject({ status: 401, code: 'API_KEY_REVOKED' });
  });

  it('refuses unknown and malformed keys', async () => {
    const unknown = await t
      .http()
      .get('/api/staff')
      .set('x-api-key', `tsk_AAAAAAAAAAAA_${'a'.repeat(43)}`);
    expect(problemOf(unknown)).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
    const garbage = await t.http().get('/api/staff').set('x-api-key', 'hello');
    expect(problemOf(garbage)).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
  });
});
