// `npm start`: build what is out of date, then run the launcher (see apps/api/src/cli/start.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureBuilt();
const child = spawn(
  process.execPath,
  ['--enable-source-maps', 'dist/apps/api/src/cli/start.js', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches both processes (same process group); the launcher stops PostgreSQL and exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
