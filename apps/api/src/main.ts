// The HTTP entry point: `node dist/apps/api/src/main.js`. `npm start` wraps it with the embedded default.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from './app.factory.js';
import { AuthService } from './modules/auth/auth.service.js';
import { type AppConfig, loadConfig, readEnv } from './platform/config/config.js';
import { createRootLogger } from './platform/logging/logger.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function runApi(
  config: AppConfig,
  opts: { worker?: boolean; beforeListen?: (app: NestFastifyApplication) => Promise<void> } = {},
) {
  const logger = createRootLogger(config.log.level, 'api');
  const app = await createApiApp(config, { logger, root: REPO_ROOT, worker: opts.worker });
  await app.init();
  await app.get(AuthService).ensureBootstrapAdmin(config.auth.bootstrapAdmin);
  await opts.beforeListen?.(app);
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    { port: config.port, queue: config.queue.driver, worker: opts.worker ?? config.queue.runWorkerInProcess },
    'api listening',
  );
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = loadConfig(readEnv());
  const app = await runApi(config);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
