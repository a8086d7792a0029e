import { Redis, type RedisOptions } from 'ioredis';
import { DomainError } from '../http/domain-error.js';
import type { KeyValueStore, MessageHandler, PubSub } from './store.js';

const CAS_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }`;

/** Options for request-path connections: fail fast instead of queueing while Redis is away. */
export function requestPathRedisOptions(keyPrefix: string): RedisOptions {
  return {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

function unavailable(): never {
  throw new DomainError(
    'unavailable',
    'SESSION_STORE_UNAVAILABLE',
    'The session store is unavailable; try again shortly.',
    {
      retryAfterSeconds: 2,
    },
  );
}

export class RedisStore implements KeyValueStore {
  readonly client: Redis;
  constructor(url: string, keyPrefix: string) {
    this.client = new Redis(url, requestPathRedisOptions(keyPrefix));
    this.client.on('error', () => undefined); // reported through ping() and failing commands
  }
  async get(key: string) {
    return this.client.get(key).catch(unavailable);
  }
  async set(key: string, value: string, ttlSeconds?: number) {
    await (ttlSeconds ? this.client.set(key, value, 'EX', ttlSeconds) : this.client.set(key, value)).catch(unavailable);
  }
  async del(key: string) {
    await this.client.del(key).catch(unavailable);
  }
  async compareAndSet(key: string, expected: string, next: string, ttlSeconds: number) {
    const r = await this.client.eval(CAS_SCRIPT, 1, key, expected, next, String(ttlSeconds)).catch(unavailable);
    return r === 1;
  }
  async hit(key: string, windowSeconds: number) {
    const [count, pttl] = (await this.client
      .eval(HIT_SCRIPT, 1, key, String(windowSeconds * 1000))
      .catch(unavailable)) as [number, number];
    return { count, resetMs: pttl > 0 ? pttl : windowSeconds * 1000 };
  }
  async ping() {
    await this.client.ping();
  }
  async close() {
    this.client.disconnect();
  }
}

export class RedisPubSub implements PubSub {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.pub = new Redis(url, { ...requestPathRedisOptions(''), keyPrefix: undefined });
    // No ready check: its INFO command is refused once a SUBSCRIBE sent while connecting got there first,
    // which dropped the connection and, intermittently, subscriptions made at start-up.
    this.sub = new Redis(url, {
      enableReadyCheck: false,
      maxRetriesPerRequest: null,
      retryStrategy: (t) => Math.min(t * 200, 2000),
    });
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.sub.on('message', (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) h(message);
    });
  }
  async publish(channel: string, message: string) {
    await this.pub.publish(this.prefix + channel, message);
  }
  async subscribe(channel: string, handler: MessageHandler) {
    const full = this.prefix + channel;
    let set = this.handlers.get(full);
    if (!set) {
      set = new Set();
      this.handlers.set(full, set);
      await this.sub.subscribe(full);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(full);
        await this.sub.unsubscribe(full);
      }
    };
  }
  async close() {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
