// `npm run db:generate -- <name>`: writes migrations/<timestamp>-<name>.ts from what the entities
// need beyond the existing migrations (computed on a scratch database), and lists it in index.ts.
// Review the SQL before committing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run db:generate -- <kebab-case-name>');
  process.exit(2);
}
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `tessera_diff_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${scratch}"`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const { schemaDiff } = await import('../dist/apps/api/src/cli/schema-diff.js');
  const { up, down } = await schemaDiff(url.toString());
  if (up.length === 0) {
    console.log('The entities match the migrations: nothing to generate.');
  } else {
    const stamp = Date.now();
    const cls = `${name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase())}${stamp}`;
    const file = `${stamp}-${name}`;
    const q = (sql) => `    await q.query(\`${sql.replaceAll('`', '\\`')}\`);`;
    writeFileSync(
      `migrations/${file}.ts`,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down.map(q).join('\n')}\n  }\n}\n`,
    );
    const index = readFileSync('migrations/index.ts', 'utf8')
      .replace(/(import .*\n)(\nexport const migrations)/, `$1import { ${cls} } from './${file}.js';\n$2`)
      .replace(/,?\s*\];\s*$/, `,\n  ${cls},\n];\n`);
    writeFileSync('migrations/index.ts', index);
    console.log(`wrote migrations/${file}.ts (${up.length} statements); review it, then npm run format`);
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin.end();
}
