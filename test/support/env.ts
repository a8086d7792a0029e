// Typed view of env.mjs for the TypeScript tests.
export {
  ADMIN_DATABASE_URL,
  databaseUrl,
  RUN_ID,
  TEMPLATE_DB,
  TEST_DB_PREFIX,
  TEST_REDIS_PREFIX,
  TEST_REDIS_URL,
} from './env.mjs';
