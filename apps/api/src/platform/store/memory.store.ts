import { EventEmitter } from 'node:events';
import type { KeyValueStore, MessageHandler, PubSub } from './store.js';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** In-process store for the embedded default (one process, nothing configured). */
export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper = setInterval(() => this.sweep(), 30_000).unref();

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expiresAt !== null && e.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private sweep(): void {
    for (const key of this.entries.keys()) this.live(key);
  }

  async get(key: string) {
    return this.live(key)?.value ?? null;
  }
  async set(key: string, value: string, ttlSeconds?: number) {
    this.entries.set(key, { value, expiresAt: ttlSeconds ? Date.now() + ttlSeconds * 1000 : null });
  }
  async del(key: string) {
    this.entries.delete(key);
  }
  async compareAndSet(key: string, expected: string, next: string, ttlSeconds: number) {
    if (this.live(key)?.value !== expected) return false;
    await this.set(key, next, ttlSeconds);
    return true;
  }
  async hit(key: string, windowSeconds: number) {
    const e = this.live(key);
    if (!e) {
      const expiresAt = Date.now() + windowSeconds * 1000;
      this.entries.set(key, { value: '1', expiresAt });
      return { count: 1, resetMs: windowSeconds * 1000 };
    }
    e.value = String(Number(e.value) + 1);
    return { count: Number(e.value), resetMs: (e.expiresAt ?? Date.now()) - Date.now() };
  }
  async ping() {}
  async close() {
    clearInterval(this.sweeper);
  }
}

export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(channel: string, message: string) {
    this.emitter.emit(channel, message);
  }
  async subscribe(channel: string, handler: MessageHandler) {
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }
  async close() {
    this.emitter.removeAllListeners();
  }
}
