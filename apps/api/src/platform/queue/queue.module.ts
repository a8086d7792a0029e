import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BullMqDriver } from './bullmq.driver.js';
import { MemoryQueueDriver } from './memory.driver.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxService } from './outbox.service.js';
import { QUEUE_DRIVER, type QueueDriver } from './queue.driver.js';
import { QueueWorkerService } from './queue-worker.service.js';

let memoryDriver: MemoryQueueDriver | null = null;

/** Producer side: every process can write outbox rows and read queue counts. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity])],
  providers: [
    OutboxService,
    {
      provide: QUEUE_DRIVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): QueueDriver =>
        config.queue.driver === 'bullmq' && config.redis.url
          ? new BullMqDriver(config.redis.url, config.queue.prefix)
          : (memoryDriver ??= new MemoryQueueDriver()),
    },
  ],
  exports: [OutboxService, QUEUE_DRIVER],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.driver.kind === 'bullmq') await this.driver.close();
  }
}

/** Consumer side: the outbox relay, job handlers and schedules. */
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxRelay, QueueWorkerService],
  exports: [OutboxRelay],
})
export class QueueWorkerModule {}
