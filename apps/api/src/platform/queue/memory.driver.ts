import type { JobName, QueueName } from './job-catalog.js';
import {
  backoffMs,
  JOB_ATTEMPTS,
  type JobContext,
  type JobProcessor,
  type QueueCounts,
  type QueueDriver,
} from './queue.driver.js';

interface MemoryJob {
  id: string;
  name: JobName;
  data: Record<string, unknown>;
  attempt: number;
}

interface MemoryQueue {
  waiting: MemoryJob[];
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  processor?: JobProcessor;
  concurrency: number;
}

/** The embedded default's queue: same retry and de-duplication rules as BullMQ, inside this process. */
export class MemoryQueueDriver implements QueueDriver {
  readonly kind = 'memory' as const;
  private readonly queues = new Map<QueueName, MemoryQueue>();
  private readonly seen = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  private q(name: QueueName): MemoryQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = { waiting: [], active: 0, delayed: 0, failed: 0, completed: 0, concurrency: 1 };
      this.queues.set(name, q);
    }
    return q;
  }

  async add(queue: QueueName, name: JobName, data: Record<string, unknown>, jobId: string): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.seen) if (now - at > 24 * 3600_000) this.seen.delete(id);
    if (this.seen.has(jobId)) return;
    this.seen.set(jobId, now);
    this.q(queue).waiting.push({ id: jobId, name, data: structuredClone(data), attempt: 1 });
    this.pump(queue);
  }

  async consume(queue: QueueName, processor: JobProcessor, concurrency: number): Promise<void> {
    const q = this.q(queue);
    q.processor = processor;
    q.concurrency = concurrency;
    this.pump(queue);
  }

  async schedule(queue: QueueName, name: JobName, everyMs: number): Promise<void> {
    const timer = setInterval(() => {
      void this.add(queue, name, {}, `${name}:${Math.floor(Date.now() / everyMs)}`);
    }, everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const q = this.q(queue);
    return {
      waiting: q.waiting.length,
      active: q.active,
      delayed: q.delayed,
      failed: q.failed,
      completed: q.completed,
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private pump(queue: QueueName): void {
    const q = this.q(queue);
    while (!this.closed && q.processor && q.active < q.concurrency && q.waiting.length > 0) {
      const job = q.waiting.shift() as MemoryJob;
      q.active++;
      void this.run(queue, q, job);
    }
  }

  private async run(queue: QueueName, q: MemoryQueue, job: MemoryJob): Promise<void> {
    const ctx: JobContext = { id: job.id, name: job.name, data: job.data, attempt: job.attempt };
    try {
      await (q.processor as JobProcessor)(ctx);
      q.completed++;
    } catch {
      if (job.attempt >= JOB_ATTEMPTS) {
        q.failed++;
      } else {
        q.delayed++;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          q.delayed--;
          q.waiting.push({ ...job, attempt: job.attempt + 1 });
          this.pump(queue);
        }, backoffMs(job.attempt));
        timer.unref();
        this.timers.add(timer);
      }
    } finally {
      q.active--;
      this.pump(queue);
    }
  }
}
