// The worker entry point: `node dist/apps/api/src/worker.js`. Runs the outbox relay, the job
// handlers (tickets, email, reports, validation) and the schedules; serves no HTTP.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { type AppConfig, loadConfig, readEnv } from './platform/config/config.js';
import { createRootLogger, PinoNestLogger } from './platform/logging/logger.js';

export async function runWorker(config: AppConfig) {
  const logger = createRootLogger(config.log.level, 'worker');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, logger, { worker: true }), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  await app.init();
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = loadConfig(readEnv());
  if (config.queue.driver !== 'bullmq') {
    console.error('worker.ts needs REDIS_URL: without it the worker runs inside the API process (npm start).');
    process.exit(2);
  }
  const app = await runWorker(config);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
