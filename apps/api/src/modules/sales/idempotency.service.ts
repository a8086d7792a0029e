import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
