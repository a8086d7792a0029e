import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, type JobName } from './job-catalog.js';

/**
 * The only way business code starts a job: a row written in the caller's transaction. The relay
 * moves it to the queue after commit, with jobId = outbox id, so a Redis outage delays side
 * effects but never fails or loses the change that caused them.
 */
@Injectable()
export class OutboxService {
  /** A message for a statement that writes it to `outbox_messages` itself (the one-round-trip sale). */
  message(
    name: JobName,
    payload: Record<string, unknown>,
  ): { queue: string; name: JobName; payload: Record<string, unknown> } {
    return { queue: JOBS[name], name, payload };
  }

  async enqueue(manager: EntityManager, name: JobName, payload: Record<string, unknown>): Promise<string> {
    const rows = (await manager.query(
      'INSERT INTO outbox_messages (queue, name, payload) VALUES ($1, $2, $3) RETURNING id',
      [JOBS[name], name, payload],
    )) as { id: string }[];
    return rows[0].id;
  }
}
