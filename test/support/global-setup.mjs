// Once per `jest` run: a fresh template database with every migration applied (from the built
// migrations: `npm test` builds first). Each test file copies it (CREATE DATABASE ... TEMPLATE),
// so every file runs in its own fresh database.
import pg from 'pg';
import { ADMIN_DATABASE_URL, databaseUrl, TEMPLATE_DB, TEST_DB_PREFIX } from './env.mjs';

export default async function globalSetup() {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const stale = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const { migrate } = await import('../../dist/apps/api/src/cli/migrate.js');
  await migrate(databaseUrl(TEMPLATE_DB), 'up');
}
