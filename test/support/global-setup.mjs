// Once per `jest` run: a fresh template database with every migration applied (from the built
// migrations: `npm test` builds first). Each test file copies it (CREATE DATABASE ... TEMPLATE),
// so every file runs in its own fresh database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export default async function globalSetup() {
  // Set before env.mjs is read, here and in the test workers (they inherit the environment).
  process.env.TESSERA_TEST_RUN ??= randomBytes(4).toString('hex');
  const { ADMIN_DATABASE_URL, databaseUrl, TEMPLATE_DB } = await import('./env.mjs');
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const { migrate } = await import('../../dist/apps/api/src/cli/migrate.js');
  await migrate(databaseUrl(TEMPLATE_DB), 'up');
}
