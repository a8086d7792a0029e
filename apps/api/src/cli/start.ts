// `npm start`: the platform on one port. With DATABASE_URL/REDIS_URL it uses them; without, it runs
// the embedded default (PostgreSQL from npm under .data/, in-process queues, sessions and pub/sub).
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, runApi } from '../main.js';
import { type Env, loadConfig, readEnv } from '../platform/config/config.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DemoAccount, seedDemo } from './demo-seed.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function persistentSecret(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const started = Date.now();
  // embedded-postgres installs process hooks (signals, uncaught errors) that stop the database at
  // once, racing the API's own shutdown. This launcher owns shutdown: API first, then PostgreSQL.
  for (const event of ['SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const)
    process.removeAllListeners(event);
  let app: NestFastifyApplication | null = null;
  let worker: ChildProcess | null = null;
  let stopDatabase: (() => Promise<void>) | null = null;
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping ...`);
    worker?.kill('SIGTERM');
    await app?.close().catch((error: unknown) => console.error(error));
    if (stopDatabase) await stopDatabase();
    say('Stopped.');
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // A crash still stops the embedded PostgreSQL rather than leaving it running.
  process.on('uncaughtException', (error) => {
    console.error('uncaught error:', error);
    void stop('crash', 1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('unhandled rejection:', error);
    void stop('crash', 1);
  });

  const env = readEnv();
  const overrides: Env = {};
  const dataDir = env.DATA_DIR ?? join(REPO_ROOT, '.data');
  overrides.DATA_DIR = dataDir;

  if (!env.DATABASE_URL) {
    say(`Starting the embedded PostgreSQL in ${join(dataDir, 'pg')} ...`);
    const pg = await startEmbeddedPostgres(dataDir, say);
    stopDatabase = pg.stop;
    overrides.DATABASE_URL = pg.url;
    overrides.TESSERA_EMBEDDED = 'true';
    overrides.PAYMENT_SANDBOX ??= env.PAYMENT_SANDBOX ?? 'true';
    overrides.SEED_DEMO = env.SEED_DEMO ?? 'true';
  }
  if (!env.JWT_SECRET && env.NODE_ENV !== 'production')
    overrides.JWT_SECRET = await persistentSecret(dataDir, 'jwt-secret');
  if (!env.TICKET_SIGNING_SECRET && env.NODE_ENV !== 'production') {
    overrides.TICKET_SIGNING_SECRET = await persistentSecret(dataDir, 'ticket-signing-secret');
  }
  const config = loadConfig({ ...env, ...overrides });

  const applied = await migrate(config.database.url, 'up');
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);

  // Without Redis the worker shares this process (in-process queue); with Redis it is its own process.
  const inProcessWorker = config.queue.runWorkerInProcess;
  let accounts: DemoAccount[] = [];
  // The demo is seeded before the port opens, so "ready" means ready to use.
  app = await runApi(config, {
    worker: inProcessWorker,
    beforeListen: async (nest) => {
      if (!config.seedDemo) return;
      const result = await seedDemo(nest);
      accounts = result.accounts;
      if (result.seeded)
        say('Seeded the demo: a venue, an event on sale with two ticket types, one account per staff role.');
    },
  });
  if (!inProcessWorker) {
    worker = spawn(process.execPath, [join(REPO_ROOT, 'dist/apps/api/src/worker.js')], {
      env: readEnv(overrides),
      stdio: 'inherit',
    });
  }

  const base = `http://localhost:${config.port}`;
  say('');
  say(
    `Tessera is running (${((Date.now() - started) / 1000).toFixed(1)} s)${config.embedded ? ' on the embedded default' : ''}.`,
  );
  say(`  Portal       ${base}/`);
  say(`  Admin        ${base}/admin/`);
  say(`  Box office   ${base}/box-office/`);
  say(`  Scanner      ${base}/scanner/`);
  say(`  API docs     ${base}/api/docs`);
  if (config.payments.sandbox) say('  Payments     SANDBOX (test money only)');
  if (accounts.length) {
    say('  Demo accounts (local only):');
    for (const a of accounts) say(`    ${a.role.padEnd(14)} ${a.email.padEnd(32)} ${a.password}`);
  }
  say('Press Ctrl-C to stop.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.emit('SIGTERM');
    process.exitCode = 1;
  });
}
