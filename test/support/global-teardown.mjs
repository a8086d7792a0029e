import pg from 'pg';
import { dropRedisKeys } from './redis-keys.mjs';

export default async function globalTeardown() {
  const { ADMIN_DATABASE_URL, TEST_DB_PREFIX, TEST_REDIS_PREFIX, TEST_REDIS_URL } = await import('./env.mjs');
  await dropRedisKeys(TEST_REDIS_URL, TEST_REDIS_PREFIX);
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const dbs = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
