import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupCommit } from '../../platform/database/group-commit.js';
import { DomainError, type ErrorKind } from '../../platform/http/domain-error.js';

interface StoredAnswer {
  ok: boolean;
  body?: Record<string, unknown>;
  error?: { kind: ErrorKind; code: string; message: string; extra: Record<string, unknown> };
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object' || value instanceof Date) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;
/**
 * A key claimed this long ago with no answer belongs to a request that never finished (the API
 * stopped mid-request): longer than any request may take, provider retries included.
 */
const ABANDONED_AFTER_SECONDS = 300;
/** Fingerprints remembered by the body's JSON text, at most; the oldest is forgotten first. */
const REMEMBERED_HASHES = 1024;

interface Refusal {
  scope: string;
  key: string;
  hash: string;
  answer: StoredAnswer;
}
type Remembered = { outcome: 'stored' } | { outcome: 'replay'; hash: string | null; answer: unknown };

/** Thrown inside the claiming transaction when the key was used before: roll back, then replay. */
class ReplayFirstAnswer extends Error {}

/**
 * Idempotency-Key handling: the first request with a key claims it (primary key decides); the
 * same key and body later get the first answer again, another body gets 409. Business errors are
 * answers too (a retry of a SOLD_OUT stays SOLD_OUT); transient failures free the key.
 */
@Injectable()
export class IdempotencyService {
  /** Refusals given together (a sold-out rush) are stored by one statement (`sales_remember_refusals`). */
  private readonly refusals = new GroupCommit<Refusal, Remembered>((items) => this.remember(items), {
    maxBatch: 256,
    maxInFlight: 1,
  });

  /** A rush repeats a few bodies: their fingerprints are remembered by JSON text (a cheap native call). */
  private readonly hashes = new Map<string, string>();

  constructor(private readonly ds: DataSource) {}

  async run<T extends object>(
    scope: string,
    requestKey: string | undefined,
    body: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    const hash = this.hashOf(requestKey, body);
    const key = requestKey as string;
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
    requestKey: string | undefined,
    body: unknown,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    const hash = this.hashOf(requestKey, body);
    const key = requestKey as string;
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

  /** Checks the key's shape and returns the request's fingerprint (the same body, the same hash). */
  hashOf(key: string | undefined, body: unknown): string {
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
    const text = JSON.stringify(body) ?? 'null';
    let hash = this.hashes.get(text);
    if (hash === undefined) {
      hash = createHash('sha256').update(canonical(body)).digest('hex');
      if (this.hashes.size >= REMEMBERED_HASHES) this.hashes.delete(this.hashes.keys().next().value as string);
      this.hashes.set(text, hash);
    }
    return hash;
  }

  /** The answer for a key found already used: the first answer, 409 for another body, or a wait while it runs. */
  answerOf<T>(scope: string, key: string, hash: string, found: { hash: string | null; answer: unknown }): Promise<T> {
    const answer = found.answer as StoredAnswer | null;
    if (found.hash !== null && found.hash !== hash)
      return Promise.reject(
        new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request body.',
        ),
      );
    if (answer?.ok) return Promise.resolve(answer.body as T);
    if (answer?.error) {
      const e = answer.error;
      return Promise.reject(new DomainError(e.kind, e.code, e.message, e.extra));
    }
    return this.replay<T>(scope, key, hash);
  }

  /** Stores a refusal given without running the request (a type known to be sold out) as the key's answer. */
  async refuse<T>(scope: string, key: string, hash: string, error: DomainError): Promise<T> {
    const answer: StoredAnswer = {
      ok: false,
      error: { kind: error.kind, code: error.code, message: error.message, extra: error.extra },
    };
    // A batch that failed as a whole stored nothing: this refusal is then stored alone.
    const refusal = { scope, key, hash, answer };
    const r = await this.refusals.submit(refusal).catch(async () => (await this.remember([refusal]))[0]);
    if (r.outcome === 'stored') throw error;
    return this.answerOf<T>(scope, key, hash, r);
  }

  private async remember(refusals: Refusal[]): Promise<Remembered[]> {
    const [{ r }] = (await this.ds.query('SELECT sales_remember_refusals($1::jsonb) AS r', [
      JSON.stringify(refusals),
    ])) as { r: Remembered[] }[];
    return r;
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
        `SELECT request_hash AS hash, response_body AS answer,
                created_at < now() - make_interval(secs => $3) AS abandoned
           FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key, ABANDONED_AFTER_SECONDS],
      )) as { hash: string; answer: StoredAnswer | null; abandoned: boolean }[];
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
      if (row.abandoned) {
        // Freed for the retry; whatever the interrupted request left (a pending purchase) is
        // reconciled and ended by its own jobs.
        await this.ds.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response_body IS NULL', [
          scope,
          key,
        ]);
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          'The first request with this key was interrupted; send it again.',
          { retryAfterSeconds: 0 },
        );
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
