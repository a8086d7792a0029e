/**
 * Redis-shaped key-value store used for sessions, rate limits and caches.
 * Production: Redis (shared by every API instance). Embedded default: in-process.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Atomically replaces `expected` with `next`; false when the stored value differs (or is gone). */
  compareAndSet(key: string, expected: string, next: string, ttlSeconds: number): Promise<boolean>;
  /** Counts a hit in a fixed window; returns the count so far and the milliseconds left in the window. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type MessageHandler = (message: string) => void;

/** Fan-out between API instances (live availability, cache invalidation). */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const KV_STORE = Symbol('KV_STORE');
export const PUB_SUB = Symbol('PUB_SUB');
