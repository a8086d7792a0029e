import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type ErrorKind } from '../../platform/http/domain-error.js';

interface StoredAnswer {
  ok: boolean;
  body?: Record<string, unknown>;
  error?: { kind: ErrorKind; code: string; message: string; extra: Record<string, unknown> };
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;

/** Thrown inside the claiming transaction when the key was used before: roll back, then replay. */
class ReplayFirstAnswer extends Error {}

/**
 * Idempotency-Key handling: the first request with a key claims it (primary key decides); the
 * same key and body later get the first answer again, another body gets 409. Business errors are
 * answers too (a retry of a SOLD_OUT stays SOLD_OUT); transient failures free the key.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly ds: DataSource) {}

  async run<T extends object>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    if (!key)
      throw new DomainError(
        'bad_request',
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header (a UUID is a good choice).',
      );
    if (!KEY.test(key))
      throw new DomainError(
        'bad_request',
        'IDEMPOTENCY_KEY_INVALID',
        'The Idempotency-Key must be 1-255 letters, digits, ., _, : or -.',
      );
    const hash = createHash('sha256').update(canonical(body)).digest('hex');
    const claimed = (await this.ds.query(
      'INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
      [scope, key, hash],
    )) as unknown[];
    if (claimed.length === 0) return this.replay<T>(scope, key, hash);
    try {
      const result = await work();
      await this.store(scope, key, { ok: true, body: result as Record<string, unknown> });
      return result;
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'rate_limited') {
        await this.store(scope, key, {
          ok: false,
          error: { kind: error.kind, code: error.code, message: error.message, extra: error.extra },
        });
      } else {
        await this.ds.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      }
      throw error;
    }
  }

  /**
   * The same contract, with the key claimed and the answer stored inside the caller's transaction:
   * one commit for the whole sale. A concurrent request with the key waits on the claim's row until
   * the first commits, then replays its answer. A business error is stored after the rollback.
   */
  async runInTransaction<T extends object>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (!key)
      throw new DomainError(
        'bad_request',
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header (a UUID is a good choice).',
      );
    if (!KEY.test(key))
      throw new DomainError(
        'bad_request',
        'IDEMPOTENCY_KEY_INVALID',
        'The Idempotency-Key must be 1-255 letters, digits, ., _, : or -.',
      );
    const hash = createHash('sha256').update(canonical(body)).digest('hex');
    let replay = false;
    try {
      return await this.ds.transaction('READ COMMITTED', async (m) => {
        const claimed = (await m.query(
          'INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
          [scope, key, hash],
        )) as unknown[];
        if (claimed.length === 0) {
          replay = true;
          throw new ReplayFirstAnswer();
        }
        const result = await work(m);
        await m.query(
          'UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE scope = $1 AND key = $2',
          [
            scope,
            key,
            JSON.stringify({ ok: true, body: result as unknown as Record<string, unknown> } satisfies StoredAnswer),
          ],
        );
        return result;
      });
    } catch (error) {
      if (replay) return this.replay<T>(scope, key, hash);
      if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'rate_limited') {
        const answer: StoredAnswer = {
          ok: false,
          error: { kind: error.kind, code: error.code, message: error.message, extra: error.extra },
        };
        await this.ds.query(
          'INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 400, $4) ON CONFLICT DO NOTHING',
          [scope, key, hash, JSON.stringify(answer)],
        );
      }
      throw error;
    }
  }

  /** Drops a stored answer, so the request may run again (after a retryable business error was cleared). */
  async forget(scope: string, key: string): Promise<void> {
    await this.ds.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
  }

  private async store(scope: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.ds.query(
      'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2',
      [scope, key, answer.ok ? 201 : 400, JSON.stringify(answer)],
    );
  }

  /** Waits (briefly) for the first request with this key to finish, then answers the same. */
  private async replay<T>(scope: string, key: string, hash: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = (await this.ds.query(
        'SELECT request_hash AS hash, response_body AS answer FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      )) as { hash: string; answer: StoredAnswer | null }[];
      if (!row)
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          'The first request with this key failed; send it again.',
        );
      if (row.hash !== hash) {
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request body.',
        );
      }
      if (row.answer) {
        if (row.answer.ok) return row.answer.body as T;
        const e = row.answer.error as NonNullable<StoredAnswer['error']>;
        throw new DomainError(e.kind, e.code, e.message, e.extra);
      }
      if (Date.now() > deadline) {
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          'A request with this key is still being processed; retry shortly.',
          {
            retryAfterSeconds: 2,
          },
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
