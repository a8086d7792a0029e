import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../logging/logger.js';
import { isJobName, type QueueName } from './job-catalog.js';
import { QUEUE_DRIVER, type QueueDriver } from './queue.driver.js';

interface ClaimedRow {
  id: string;
  queue: QueueName;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
}

const BATCH = 200;
const LEASE_SECONDS = 15;

/**
 * Moves committed outbox rows to the queue. Several relays may run (one per worker): rows are
 * claimed with FOR UPDATE SKIP LOCKED and a lease, and the queue drops a second add of a jobId.
 */
@Injectable()
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  start(intervalMs = 250): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let moved = 0;
      try {
        moved = await this.relayOnce();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay pass failed');
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), moved === BATCH ? 0 : intervalMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** One pass; returns how many rows reached the queue. */
  relayOnce(): Promise<number> {
    this.running = this.pass();
    return this.running;
  }

  private async pass(): Promise<number> {
    const rows = (await this.dataSource.query(
      `UPDATE outbox_messages o
          SET attempts = o.attempts + 1, available_at = now() + make_interval(secs => $2)
        WHERE o.id IN (SELECT id FROM outbox_messages
                        WHERE relayed_at IS NULL AND available_at <= now()
                        ORDER BY available_at, created_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.queue, o.name, o.payload, o.attempts`,
      [BATCH, LEASE_SECONDS],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedRow[];
    if (claimed.length === 0) return 0;

    const relayed: string[] = [];
    for (const row of claimed) {
      if (!isJobName(row.name)) {
        await this.fail(row, `unknown job name ${row.name}`);
        continue;
      }
      try {
        await this.queue.add(row.queue, row.name, row.payload, row.id);
        relayed.push(row.id);
      } catch (error) {
        await this.fail(row, error instanceof Error ? error.message : String(error));
        break; // the queue store is likely down; the rest wait for the next pass
      }
    }
    if (relayed.length) {
      await this.dataSource.query(
        'UPDATE outbox_messages SET relayed_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])',
        [relayed],
      );
    }
    return relayed.length;
  }

  private async fail(row: ClaimedRow, message: string): Promise<void> {
    const delay = Math.min(2 ** Math.min(row.attempts, 8), 300);
    await this.dataSource.query(
      'UPDATE outbox_messages SET last_error = $2, available_at = now() + make_interval(secs => $3) WHERE id = $1',
      [row.id, message.slice(0, 500), delay],
    );
  }
}
