import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../../migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

/** Options shared by the app, the migration CLI and the tests. Schema changes only through migrations. */
export function dataSourceOptions(url: string, poolSize = 20, logging = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging,
    extra: {
      max: poolSize,
      // A statement that waits this long on a lock is a bug or an overload; fail it instead of piling up.
      options: '-c lock_timeout=5000 -c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000',
      application_name: 'tessera',
    },
  };
}
