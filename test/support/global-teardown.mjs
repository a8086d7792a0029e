import { Redis } from 'ioredis';
import pg from 'pg';

/** Deletes the run's Redis keys (every test app's store, pub/sub and queue keys share its prefix). */
async function dropRedisKeys(url, prefix) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

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
