import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { HelmetOptions } from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.js';
import { buildOpenApiDocument } from './platform/http/openapi.js';
import { rateLimitHook } from './platform/http/rate-limit.js';
import { ResponseCache } from './platform/http/response-cache.js';
import { serviceCacheMs } from './platform/cache/micro-cache.js';
import { sendProblem, toProblem } from './platform/http/problem.filter.js';
import { registerSecurityHeaders, securityHeaders } from './platform/http/security-headers.js';
import { serveApps } from './platform/http/static-apps.js';
import { createRootLogger, PinoNestLogger } from './platform/logging/logger.js';
import { KV_STORE, type KeyValueStore } from './platform/store/store.js';

/** Public catalog reads that anonymous visitors may get from the one-second response cache. */
const PUBLIC_CATALOG = /^\/api\/(events(\/[0-9a-f-]{36})?|tickets\/types|venues\/[0-9a-f-]{36}\/seat-map)(\?|$)/;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** helmet's policy: the same headers on every answer, errors of the router included. */
const SECURITY: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Stripe's Payment Element and PayPal's buttons load from their own origins; card data never touches ours.
      scriptSrc: ["'self'", "'unsafe-inline'", 'https://js.stripe.com', 'https://www.paypal.com'],
      frameSrc: ["'self'", 'blob:', 'https://js.stripe.com', 'https://hooks.stripe.com', 'https://www.paypal.com'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      connectSrc: ["'self'", 'https://api.stripe.com', 'https://www.paypal.com'],
      mediaSrc: ["'self'", 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

export interface CreateApiOptions {
  logger?: Logger;
  /** Run the worker in this process too (the embedded default, and tests that need jobs). */
  worker?: boolean;
  /** Repository root, for serving the built apps. */
  root?: string;
}

/** Builds the HTTP application: one place for the platform's HTTP behaviour, used by main.ts and the tests. */
export async function createApiApp(config: AppConfig, options: CreateApiOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createRootLogger(config.log.level, 'api');
  const cache = new ResponseCache(config.catalogCacheMs - serviceCacheMs(config.catalogCacheMs), PUBLIC_CATALOG);
  const security = securityHeaders(SECURITY);
  const adapter = new FastifyAdapter({
    serverFactory: cache.serverFactory,
    // The router refuses a malformed URL (400) or an over-long path segment (414) before any hook
    // runs: answered here as problems, with the headers the hooks would have set.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.headers(security).header('x-request-id', request.id);
      sendProblem(reply, toProblem(error, String(request.id)));
    },
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger, { worker: options.worker ?? config.queue.runWorkerInProcess }),
    adapter,
    { logger: new PinoNestLogger(logger), abortOnError: false, rawBody: true },
  );
  app.setGlobalPrefix('api');
  const fastify = app.getHttpAdapter().getInstance();

  // Hooks on every request are callback-style: an async hook costs a promise per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    done();
    if (reply.statusCode < 500 && !logger.isLevelEnabled('info')) return;
    const line = {
      reqId: request.id,
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  });
  const store = app.get<KeyValueStore>(KV_STORE);
  if (config.rateLimit.enabled) {
    const limiter = rateLimitHook(config.rateLimit, store, config.http.trustProxy);
    fastify.addHook('onRequest', limiter.hook);
    cache.admit = limiter.admit;
  }
  cache.register(fastify);
  // Errors raised before routing (body parsing, size limit, rate limit) go through Nest's error
  // handler to the same ProblemFilter as everything else.

  registerSecurityHeaders(fastify, security);
  // Without configured origins there is nothing to allow, and no CORS hook runs on each request.
  if (config.http.corsOrigins.length > 0)
    app.enableCors({
      origin: config.http.corsOrigins,
      exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
      allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'idempotency-key', 'x-request-id'],
      maxAge: 600,
    });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Tessera API',
  });

  // Unknown routes reach Nest's not-found handler, which the problem filter answers as a 404 problem.
  if (config.http.serveApps && options.root) await serveApps(fastify, options.root);
  return app;
}
