import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { launchBrowser } from '../support/browser.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-embedded-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Runs the launcher as `npm start` does, with nothing configured: no DATABASE_URL, no REDIS_URL. */
async function launch(): Promise<{ child: ChildProcess; base: string; output: () => string; readyMs: number }> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'NODE_OPTIONS'].includes(k)) env[k] = v;
  }
  Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/cli/start.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.on('exit', () => outputs.set(child, out));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`launcher exited early:\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`not ready within 60 s:\n${out}`);
    const ok = await fetch(`${base}/api/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, output: () => out, readyMs: Date.now() - started };
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      if (code !== 0) console.log(`launcher exited with ${code}:\n${outputs.get(child)}`);
      resolve(code);
    });
    child.kill('SIGINT');
  });

const outputs = new Map<ChildProcess, string>();
const postgresRunning = () => existsSync(join(dataDir, 'pg', 'postmaster.pid'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on the embedded default', () => {
  it('starts PostgreSQL from npm, migrates, seeds the demo, serves API and apps, and stops everything on Ctrl-C', async () => {
    const run = await launch();
    try {
      expect(run.output()).toContain('Seeded the demo');
      expect(run.output()).toContain('admin@demo.tessera.local');
      const events = (await (await fetch(`${run.base}/api/events`)).json()) as {
        items: { id: string; status: string }[];
        total: number;
      };
      expect(events.total).toBe(1);
      expect(events.items[0].status).toBe('on_sale');
      const types = (await (await fetch(`${run.base}/api/tickets/types?eventId=${events.items[0].id}`)).json()) as {
        total: number;
      };
      expect(types.total).toBe(2);
      for (const path of ['/', '/admin/', '/box-office/', '/scanner/']) {
        const res = await fetch(`${run.base}${path}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('<div id="root">');
      }
      // The four apps load in Chromium and render without a page error.
      const browser = await launchBrowser();
      try {
        const errors: string[] = [];
        for (const [path, text] of [
          ['/', 'Harbour City FC'],
          ['/admin/', 'Sign in'],
          ['/box-office/', 'Sign in'],
          ['/scanner/', 'Sign in'],
        ]) {
          const page = await browser.newPage();
          page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
          await page.goto(`${run.base}${path}`);
          await page.getByText(text).first().waitFor({ timeout: 15_000 });
          await page.close();
        }
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
      const login = await fetch(`${run.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'scanner@demo.tessera.local', password: 'demo-scanner-pass' }),
      });
      expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toEqual(['scanner']);
      // Jobs run in-process: the demo's registration mail lands in .data/outbox-mail.
      const reg = await fetch(`${run.base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'embedded@test.local', password: 'embedded-pass-1', name: 'Em Bedded' }),
      });
      expect(reg.status).toBe(201);
      // The mail directory appears before the message is written: wait for the file itself.
      const mails = () => (existsSync(join(dataDir, 'outbox-mail')) ? readdirSync(join(dataDir, 'outbox-mail')) : []);
      for (let i = 0; i < 100 && mails().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(mails()).toHaveLength(1);
    } finally {
      expect(await stop(run.child)).toBe(0);
    }
    expect(postgresRunning()).toBe(false);
  }, 90_000);

  it('a second start reuses .data/ (no new seed) and is ready in seconds', async () => {
    const run = await launch();
    try {
      expect(run.output()).not.toContain('Seeded the demo');
      expect(run.readyMs).toBeLessThan(20_000);
      const events = (await (await fetch(`${run.base}/api/events`)).json()) as { total: number };
      expect(events.total).toBe(1);
    } finally {
      expect(await stop(run.child)).toBe(0);
    }
  }, 60_000);
});
