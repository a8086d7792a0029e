// Where the tests find PostgreSQL and Redis. CI and the machine provide them on the usual ports.
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// One run's databases share a prefix, so parallel runs (a developer and CI) never touch each other's.
export const RUN_ID = process.env.TESSERA_TEST_RUN ?? 'adhoc';
export const TEST_DB_PREFIX = `tessera_test_${RUN_ID}_`;
export const TEMPLATE_DB = `${TEST_DB_PREFIX}template`;
// The run's Redis keys (stores, pub/sub, queues) start with this too; the global teardown deletes them.
export const TEST_REDIS_PREFIX = TEST_DB_PREFIX;

export function databaseUrl(name) {
  const u = new URL(ADMIN_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
