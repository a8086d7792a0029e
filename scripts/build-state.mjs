// Decides what `npm start` and `npm test` must (re)build: a target is stale when any of its
// sources is newer than its output.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.data']);

export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIP.has(name)) walk(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(p);
  return newest;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

export const APPS = ['portal', 'admin', 'box-office', 'scanner'];

export function staleTargets(root) {
  const stale = [];
  const apiSources = newestMtime(
    ['apps/api/src', 'migrations', 'libs/ticket-code/src', 'tsconfig.build.json', 'tsconfig.base.json'].map((p) =>
      join(root, p),
    ),
  );
  if (apiSources > mtime(join(root, 'dist/.tsbuildinfo')) || !existsSync(join(root, 'dist/apps/api/src/main.js')))
    stale.push('api');
  const shared = newestMtime(['libs/ui', 'libs/api-client'].map((p) => join(root, p)));
  for (const app of APPS) {
    const built = mtime(join(root, 'apps', app, 'dist/index.html'));
    const src = Math.max(shared, newestMtime([join(root, 'apps', app)].map((p) => p)));
    if (!built || src > built) stale.push(app);
  }
  return stale;
}
