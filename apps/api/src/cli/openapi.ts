// `npm run api:generate` (first step): writes the OpenAPI document to libs/api-client/openapi.json.
// Uses Nest's preview mode: the module graph is built without connecting to anything.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../platform/config/config.js';
import { buildOpenApiDocument } from '../platform/http/openapi.js';
import { createRootLogger } from '../platform/logging/logger.js';

export async function generateOpenApi(): Promise<OpenAPIObject> {
  const config = loadConfig({ DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview', LOG_LEVEL: 'silent' });
  const logger = createRootLogger('silent');
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger, { worker: false }),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}

export const OPENAPI_PATH = fileURLToPath(new URL('../../../../../libs/api-client/openapi.json', import.meta.url));

if (process.argv[1]?.endsWith('openapi.js')) {
  const document = await generateOpenApi();
  await writeFile(OPENAPI_PATH, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${OPENAPI_PATH}`);
  process.exit(0);
}
