import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db' };

describe('configuration', () => {
  it('has sensible defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.queue.driver).toBe('memory');
    expect(c.rateLimit.enabled).toBe(true);
    expect(c.payments.sandbox).toBe(false);
    expect(c.http.bodyLimitBytes).toBe(1_048_576);
  });
  it('uses BullMQ and an out-of-process worker when REDIS_URL is set', () => {
    const c = loadConfig({ ...base, REDIS_URL: 'redis://localhost:6379' });
    expect(c.queue).toMatchObject({ driver: 'bullmq', runWorkerInProcess: false });
  });
  it('collects every problem at once', () => {
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        PORT: 'abc',
        RATE_LIMIT: 'maybe',
        JWT_SECRET: 'short',
        NODE_ENV: 'production',
        BOOTSTRAP_ADMIN_EMAIL: 'a@b.c',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/DATABASE_URL must use/);
      expect(text).toMatch(/PORT must be an integer/);
      expect(text).toMatch(/RATE_LIMIT must be/);
      expect(text).toMatch(/JWT_SECRET must be at least 32/);
      expect(text).toMatch(/BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD go together/);
    }
  });
  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });
  it('turns rate limits off with RATE_LIMIT=off', () => {
    expect(loadConfig({ ...base, RATE_LIMIT: 'off' }).rateLimit.enabled).toBe(false);
  });
});
