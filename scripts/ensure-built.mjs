// Builds whatever is out of date: the API (tsc) and each app (vite). Used by npm start and npm test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { staleTargets } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export function ensureBuilt({ quiet = false } = {}) {
  const stale = staleTargets(root);
  for (const target of stale) {
    if (!quiet) process.stdout.write(`Building ${target} ...\n`);
    const args = target === 'api' ? ['run', 'build:api'] : ['run', 'build', '--workspace', `apps/${target}`];
    const r = spawnSync('npm', args, { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      if (quiet) process.stderr.write(r.stdout?.toString() ?? '', r.stderr?.toString() ?? '');
      throw new Error(`building ${target} failed`);
    }
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
