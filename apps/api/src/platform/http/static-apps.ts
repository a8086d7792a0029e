import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';

/** The four SPAs, each under its own base path; the portal takes the root. */
export const APPS = [
  { prefix: '/admin/', dir: 'apps/admin/dist' },
  { prefix: '/box-office/', dir: 'apps/box-office/dist' },
  { prefix: '/scanner/', dir: 'apps/scanner/dist' },
  { prefix: '/', dir: 'apps/portal/dist' },
] as const;

/**
 * Serves the built apps on the API's port. Unknown paths below an app fall back to its
 * index.html (client-side routing); unknown /api paths stay problem+json 404s.
 */
export async function serveApps(fastify: FastifyInstance, root: string): Promise<string[]> {
  const served: string[] = [];
  for (const app of APPS) {
    const dir = resolve(root, app.dir);
    if (!existsSync(join(dir, 'index.html'))) continue;
    await fastify.register(fastifyStatic, {
      root: dir,
      prefix: app.prefix,
      decorateReply: served.length === 0,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    served.push(app.prefix);
  }
  if (served.length === 0) return served;
  const fallback = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') || path === '/api') {
      throw new DomainError('not_found', 'ROUTE_NOT_FOUND', `No route ${request.method} ${path}.`);
    }
    const app = APPS.find((a) => served.includes(a.prefix) && (path.startsWith(a.prefix) || `${path}/` === a.prefix));
    if (!app) throw new DomainError('not_found', 'ROUTE_NOT_FOUND', `No route ${request.method} ${path}.`);
    if (`${path}/` === app.prefix) return reply.redirect(app.prefix);
    const file = path.slice(app.prefix.length);
    if (file && existsSync(join(resolve(root, app.dir), file)) && !file.includes('..')) {
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .sendFile(file, resolve(root, app.dir));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', resolve(root, app.dir));
  };
  fastify.get('/*', fallback);
  return served;
}
