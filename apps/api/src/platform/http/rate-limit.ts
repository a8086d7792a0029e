import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config/config.js';
import type { KeyValueStore } from '../store/store.js';
import { DomainError } from './domain-error.js';

const CREDENTIAL_ROUTES = /^\/api\/auth\/(login|register|refresh)\b/;

/**
 * Fixed-window limits counted in the shared store (Redis in production), so all API instances
 * share one budget per client. Credential routes get a tighter budget per IP.
 */
export function rateLimitHook(config: RateLimitConfig, store: KeyValueStore, trustProxy = false) {
  const tally = async (url: string, apiKey: unknown, ip: string) => {
    const credential = CREDENTIAL_ROUTES.test(url);
    const who = typeof apiKey === 'string' && !credential ? `key:${apiKey.slice(0, 17)}` : `ip:${ip}`;
    const limit = credential ? config.authPoints : config.points;
    const bucket = `rl:${credential ? 'auth' : 'api'}:${who}:${Math.floor(Date.now() / (config.windowSeconds * 1000))}`;
    return { limit, ...(await store.hit(bucket, config.windowSeconds)) };
  };

  /** For answers served before Fastify (the response cache): counts the hit; false once over the limit. */
  const admit = async (req: IncomingMessage): Promise<boolean> => {
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          .trim()
      : '';
    const { count: n, limit } = await tally(
      req.url ?? '',
      req.headers['x-api-key'],
      forwarded || req.socket.remoteAddress || '',
    );
    return n <= limit;
  };

  const hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    const { count, resetMs, limit } = await tally(request.url, request.headers['x-api-key'], request.ip);
    const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
    void reply.header('ratelimit-limit', String(limit));
    void reply.header('ratelimit-remaining', String(Math.max(0, limit - count)));
    void reply.header('ratelimit-reset', String(retryAfter));
    if (count > limit) {
      throw new DomainError('rate_limited', 'RATE_LIMITED', `Too many requests; try again in ${retryAfter} s.`, {
        retryAfterSeconds: retryAfter,
      });
    }
  };
  return { hook, admit };
}
