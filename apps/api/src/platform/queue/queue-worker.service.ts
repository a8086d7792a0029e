import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Logger } from 'pino';
import { requestContext, ROOT_LOGGER } from '../logging/logger.js';
import { JOBS, type JobName, QUEUES } from './job-catalog.js';
import { JOB_HANDLER_KEY } from './job-handler.decorator.js';
import { OutboxRelay } from './outbox.relay.js';
import { type JobContext, QUEUE_DRIVER, type QueueDriver } from './queue.driver.js';

type Handler = (job: JobContext) => Promise<void>;

export class JobRegistryError extends Error {}

/** Collects @JobHandler methods; every catalogued job must have exactly one. */
export function buildJobRegistry(found: { name: string; owner: string; handler: Handler }[]): Map<JobName, Handler> {
  const problems: string[] = [];
  const registry = new Map<JobName, Handler>();
  const owners = new Map<string, string[]>();
  for (const f of found) owners.set(f.name, [...(owners.get(f.name) ?? []), f.owner]);
  for (const [name, list] of owners) {
    if (!Object.hasOwn(JOBS, name)) problems.push(`handler for unknown job "${name}" in ${list.join(', ')}`);
    else if (list.length > 1) problems.push(`job "${name}" has ${list.length} handlers: ${list.join(', ')}`);
  }
  for (const name of Object.keys(JOBS)) if (!owners.has(name)) problems.push(`job "${name}" has no handler`);
  if (problems.length) throw new JobRegistryError(`Job handlers are inconsistent:\n - ${problems.join('\n - ')}`);
  for (const f of found) registry.set(f.name as JobName, f.handler);
  return registry;
}

export const SCHEDULES: { name: JobName; everyMs: number }[] = [
  { name: 'reports.verify-audit-chain', everyMs: 6 * 3600_000 },
  { name: 'reports.outbox-cleanup', everyMs: 3600_000 },
  { name: 'tickets.expire-holds', everyMs: 15_000 },
  { name: 'reports.reconcile-payments', everyMs: 5 * 60_000 },
  { name: 'tickets.refunds-due', everyMs: 5 * 60_000 },
  { name: 'validation.analyze', everyMs: 20_000 },
  { name: 'pricing.update-prices', everyMs: 60_000 },
];

/** The worker side: outbox relay, queue consumers, schedules. Runs in worker.ts, or in-process in the embedded default. */
@Injectable()
export class QueueWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private registry = new Map<JobName, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly relay: OutboxRelay,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry = buildJobRegistry(this.discover());
    for (const queue of QUEUES) {
      await this.queue.consume(queue, (job) => this.handle(job), queue === 'email' ? 8 : 4);
    }
    for (const s of SCHEDULES) await this.queue.schedule(JOBS[s.name], s.name, s.everyMs);
    this.relay.start();
    this.logger.info({ jobs: [...this.registry.keys()], driver: this.queue.kind }, 'worker started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  private discover() {
    const found: { name: string; owner: string; handler: Handler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<string | undefined>(JOB_HANDLER_KEY, fn as () => void);
        if (name)
          found.push({ name, owner: `${wrapper.name as string}.${method}`, handler: (fn as Handler).bind(instance) });
      }
    }
    return found;
  }

  private async handle(job: JobContext): Promise<void> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new JobRegistryError(`no handler for ${job.name}`);
    await requestContext.run({ requestId: `job:${job.id}` }, async () => {
      try {
        await handler(job);
      } catch (error) {
        this.logger.warn({ err: error, job: job.name, jobId: job.id, attempt: job.attempt }, 'job failed; will retry');
        throw error;
      }
    });
  }
}
