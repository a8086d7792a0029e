import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobName, QueueName } from './job-catalog.js';
import { JOB_ATTEMPTS, type JobProcessor, type QueueCounts, type QueueDriver } from './queue.driver.js';

export class BullMqDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  /** Producer connection: never queues commands while Redis is away, so callers fail fast and retry later. */
  private readonly producer: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.producer = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 3000,
      connectTimeout: 3000,
      retryStrategy: (t) => Math.min(t * 250, 2000),
    });
    this.producer.on('error', () => undefined);
  }

  private queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: this.producer,
        prefix: this.prefix,
        defaultJobOptions: {
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  async add(queue: QueueName, name: JobName, data: Record<string, unknown>, jobId: string): Promise<void> {
    await this.queue(queue).add(name, data, { jobId });
  }

  async consume(queue: QueueName, processor: JobProcessor, concurrency: number): Promise<void> {
    const connection = new Redis(this.url, {
      maxRetriesPerRequest: null,
      retryStrategy: (t) => Math.min(t * 250, 2000),
    });
    connection.on('error', () => undefined);
    this.workerConnections.push(connection);
    const worker = new Worker(
      queue,
      async (job) =>
        processor({ id: job.id ?? '', name: job.name as JobName, data: job.data, attempt: job.attemptsMade + 1 }),
      {
        connection,
        prefix: this.prefix,
        concurrency,
      },
    );
    worker.on('error', () => undefined);
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async schedule(queue: QueueName, name: JobName, everyMs: number): Promise<void> {
    await this.queue(queue).upsertJobScheduler(name, { every: everyMs }, { name, data: {} });
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const c = await this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    return {
      waiting: c.waiting ?? 0,
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    };
  }

  async ping(): Promise<void> {
    await this.producer.ping();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    for (const c of this.workerConnections) c.disconnect();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.producer.disconnect();
  }
}
