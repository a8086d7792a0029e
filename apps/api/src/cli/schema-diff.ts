// `npm run db:diff`: the SQL the entities need beyond the migrations, on a scratch database.
// Paste the result into a new migration (and review it); the drift test fails until you do.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig, readEnv } from '../platform/config/config.js';
import { dataSourceOptions } from '../platform/database/data-source.js';

const ENTITIES = fileURLToPath(new URL('../**/*.entity.js', import.meta.url));

export async function schemaDiff(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2), entities: [ENTITIES] });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.reverse().map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}

if (process.argv[1]?.endsWith('schema-diff.js')) {
  const { up, down } = await schemaDiff(loadConfig(readEnv()).database.url);
  if (up.length === 0) console.log('-- the entities match the migrations');
  else console.log(`-- up\n${up.map((q) => `${q};`).join('\n')}\n-- down\n${down.map((q) => `${q};`).join('\n')}`);
}
