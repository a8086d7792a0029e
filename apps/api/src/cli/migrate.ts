// `npm run db:migrate` / `npm run db:revert`: apply all pending migrations, or undo the last one.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../platform/database/data-source.js';
import { loadConfig, readEnv } from '../platform/config/config.js';

export async function migrate(url: string, direction: 'up' | 'down' = 'up'): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2), entities: [] });
  await ds.initialize();
  try {
    if (direction === 'down') {
      await ds.undoLastMigration({ transaction: 'all' });
      return [];
    }
    const applied = await ds.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (process.argv[1]?.endsWith('migrate.js')) {
  const direction = process.argv[2] === 'down' ? 'down' : 'up';
  const config = loadConfig(readEnv());
  const applied = await migrate(config.database.url, direction);
  console.log(
    direction === 'down'
      ? 'reverted the last migration'
      : applied.length
        ? `applied: ${applied.join(', ')}`
        : 'nothing to apply',
  );
}
