import type { JobName, QueueName } from './job-catalog.js';

export interface JobContext {
  id: string;
  name: JobName;
  data: Record<string, unknown>;
  /** 1 on the first try. */
  attempt: number;
}

export type JobProcessor = (job: JobContext) => Promise<void>;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** BullMQ on Redis in production, in-process for the embedded default; same behaviour for callers. */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'memory';
  /** Adds a job; a second add with the same jobId is a no-op. Rejects quickly when the queue store is down. */
  add(queue: QueueName, name: JobName, data: Record<string, unknown>, jobId: string): Promise<void>;
  /** Starts consuming one queue. */
  consume(queue: QueueName, processor: JobProcessor, concurrency: number): Promise<void>;
  /** Runs `name` every `everyMs` (one schedule per name across all workers). */
  schedule(queue: QueueName, name: JobName, everyMs: number): Promise<void>;
  counts(queue: QueueName): Promise<QueueCounts>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

export const JOB_ATTEMPTS = 6;
/** Exponential: 1 s, 2 s, 4 s, ... */
export const backoffMs = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000);
