import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('entities and migrations agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a freshly migrated database needs no schema change for the entities', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every migration can be reverted and re-applied', async () => {
    const count = (await t.db.query('SELECT count(*)::int AS n FROM schema_migrations'))[0].n as number;
    for (let i = 0; i < count; i++) await t.db.undoLastMigration({ transaction: 'all' });
    expect(
      (
        await t.db.query(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'",
        )
      )[0].n,
    ).toBe(0);
    await t.db.runMigrations({ transaction: 'all' });
    expect((await t.db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

describe('the committed OpenAPI document and client match the code', () => {
  it('openapi.json equals what the code generates', async () => {
    const { generateOpenApi } = await import('../../apps/api/src/cli/openapi.js');
    const generated = JSON.parse(JSON.stringify(await generateOpenApi()));
    const committed = JSON.parse(readFileSync(join(ROOT, 'libs/api-client/openapi.json'), 'utf8'));
    expect(committed).toEqual(generated);
  });

  it('schema.ts equals what openapi-typescript makes of openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-client-'));
    const out = join(dir, 'schema.ts');
    execFileSync(
      join(ROOT, 'node_modules/.bin/openapi-typescript'),
      [join(ROOT, 'libs/api-client/openapi.json'), '--default-non-nullable=false', '-o', out],
      { stdio: 'pipe' },
    );
    execFileSync(
      join(ROOT, 'node_modules/.bin/prettier'),
      ['--write', out, '--config', join(ROOT, '.prettierrc.json')],
      { stdio: 'pipe' },
    );
    writeFileSync(out, readFileSync(out, 'utf8'));
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'libs/api-client/src/schema.ts'), 'utf8'));
  });
});
