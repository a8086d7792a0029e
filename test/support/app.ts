import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { type AppConfig, type Env, loadConfig } from '../../apps/api/src/platform/config/config.js';
import { createRootLogger } from '../../apps/api/src/platform/logging/logger.js';
import { createTestDatabase } from './database.js';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from './env.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };

/** Env for a test process: real Postgres (fresh database) and Redis (unique key prefixes). */
export function testEnv(databaseUrl: string, overrides: Env = {}): Env {
  const id = randomBytes(4).toString('hex');
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `${TEST_REDIS_PREFIX}${id}:`,
    QUEUE_PREFIX: `${TEST_REDIS_PREFIX}q${id}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT: 'off',
    PAYMENT_SANDBOX: 'true',
    SERVE_APPS: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    DATABASE_POOL_SIZE: '10',
    ...overrides,
  };
}

/** Boots the real API (Fastify, guards, filters) on a fresh database; the worker runs in-process when asked. */
export async function createTestApp(options: { env?: Env; worker?: boolean; root?: string } = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig(testEnv(databaseUrl, options.env));
  const app = await createApiApp(config, {
    logger: createRootLogger(config.log.level),
    worker: options.worker ?? false,
    root: options.root,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const { AuthService } = await import('../../apps/api/src/modules/auth/auth.service.js');
  await app.get(AuthService).ensureBootstrapAdmin(config.auth.bootstrapAdmin);
  const db = app.get(DataSource);
  return {
    app,
    config,
    db,
    databaseUrl,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}

export async function login(
  t: TestApp,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }> {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string; user: { id: string } };
}

export const adminToken = async (t: TestApp) => (await login(t, ADMIN.email, ADMIN.password)).accessToken;

let seq = 0;
export const uniqueEmail = (tag = 'user') => `${tag}.${Date.now().toString(36)}.${seq++}@test.local`;

/** A registered customer with a session. */
export async function makeCustomer(t: TestApp, name = 'Casey Customer') {
  const email = uniqueEmail('customer');
  const password = 'customer-password-1';
  const res = await t.http().post('/api/auth/register').send({ email, password, name });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    email,
    password,
    ...(res.body as { accessToken: string; refreshToken: string; user: { id: string; email: string } }),
  };
}

/** A staff member with the given roles, created by the admin through the API. */
export async function makeStaff(t: TestApp, roles: string[]) {
  const email = uniqueEmail(roles.join('-'));
  const password = 'staff-password-12';
  const res = await t
    .http()
    .post('/api/staff')
    .set('authorization', `Bearer ${await adminToken(t)}`)
    .send({ email, password, name: `Staff ${roles.join(' ')}`, roles });
  if (res.status !== 201) throw new Error(`staff create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = await login(t, email, password);
  return { email, password, id: (res.body as { id: string }).id, ...session };
}
