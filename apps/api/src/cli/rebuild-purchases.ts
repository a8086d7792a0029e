// `npm run purchases:rebuild [-- --fix]`: folds every purchase's event log and compares it with the
// ticket_purchases projection; prints each difference, and with --fix rewrites the projection.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { ProjectionRebuildService } from '../modules/sales/projection-rebuild.service.js';
import { loadConfig, readEnv } from '../platform/config/config.js';
import { createRootLogger, PinoNestLogger } from '../platform/logging/logger.js';

const fix = process.argv.includes('--fix');
const config = loadConfig(readEnv({ LOG_LEVEL: 'warn' }));
const logger = createRootLogger(config.log.level, 'rebuild');
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, logger, { worker: false }), {
  logger: new PinoNestLogger(logger),
});
try {
  const { checked, differences } = await app.get(ProjectionRebuildService).run({ fix });
  for (const d of differences)
    console.log(
      `${d.purchaseId} ${d.field}: projection=${JSON.stringify(d.projection)} events=${JSON.stringify(d.fromEvents)}`,
    );
  console.log(
    `${checked} purchases checked, ${differences.length} difference(s)${fix && differences.length ? ', repaired' : ''}`,
  );
  process.exitCode = differences.length && !fix ? 1 : 0;
} finally {
  await app.close();
}
