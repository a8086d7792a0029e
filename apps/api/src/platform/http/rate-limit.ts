import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config/config.js';
import type { KeyValueStore } from '../store/store.js';
import { DomainError } from './domain-error.js';

const CREDENTIAL_ROUTES = /^\/api\/auth\/(login|register|refresh)\b/;

/**
 * Fixed-window limits counted in the shared store (Redis in production), so all API instances
 * share one budget per client. Credential routes get a tighter budget per IP.
 */
export function rateLimitHook(config: RateLimitConfig, store: KeyValueStore) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!config.enabled || !request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    const apiKey = request.headers['x-api-key'];
    const credential = CREDENTIAL_ROUTES.test(request.url);
    const who = typeof apiKey === 'string' && !credential ? `key:${apiKey.slice(0, 17)}` : `ip:${request.ip}`;
    const limit = credential ? config.authPoints : config.points;
    const bucket = `rl:${credential ? 'auth' : 'api'}:${who}:${Math.floor(Date.now() / (config.windowSeconds * 1000))}`;
    const { count, resetMs } = await store.hit(bucket, config.windowSeconds);
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
}
