import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MemoryPubSub, MemoryStore } from './memory.store.js';
import { RedisPubSub, RedisStore } from './redis.store.js';
import { KV_STORE, type KeyValueStore, PUB_SUB, type PubSub } from './store.js';

// The in-process drivers are process-wide so an API and a worker hosted in one process share them.
let memoryStore: MemoryStore | null = null;
let memoryPubSub: MemoryPubSub | null = null;

@Global()
@Module({
  providers: [
    {
      provide: KV_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): KeyValueStore =>
        config.redis.url
          ? new RedisStore(config.redis.url, config.redis.keyPrefix)
          : (memoryStore ??= new MemoryStore()),
    },
    {
      provide: PUB_SUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PubSub =>
        config.redis.url
          ? new RedisPubSub(config.redis.url, config.redis.keyPrefix)
          : (memoryPubSub ??= new MemoryPubSub()),
    },
  ],
  exports: [KV_STORE, PUB_SUB],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(KV_STORE) private readonly store: KeyValueStore,
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  async onApplicationShutdown() {
    if (this.config.redis.url) {
      await this.store.close();
      await this.pubsub.close();
    }
  }
}
