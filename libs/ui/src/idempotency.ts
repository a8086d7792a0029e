import { ApiProblem } from '@tessera/api-client';
import { useCallback, useRef } from 'react';

/** A fresh Idempotency-Key: a UUID (from random bytes where `crypto.randomUUID` is missing, as on plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The request may or may not have reached the server: a network failure, or a 503 that frees the key. */
function unanswered(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof ApiProblem && error.status === 503);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type IdempotentSubmit = <T>(body: unknown, send: (key: string) => Promise<T>) => Promise<T>;

/**
 * Sends a submission with an Idempotency-Key. One key per attempt: sending the same body again after a
 * network failure reuses the key (so the server answers once, however often it is sent), and the key is
 * retired as soon as the server has answered, so the next submission is a new attempt.
 */
export function useIdempotentSubmit(retries = 2): IdempotentSubmit {
  const pending = useRef<{ key: string; body: string } | null>(null);
  return useCallback(
    async <T>(body: unknown, send: (key: string) => Promise<T>): Promise<T> => {
      const json = JSON.stringify(body);
      if (pending.current?.body !== json) pending.current = { key: newIdempotencyKey(), body: json };
      const { key } = pending.current;
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await send(key);
          pending.current = null;
          return result;
        } catch (error) {
          if (!unanswered(error)) {
            pending.current = null;
            throw error;
          }
          // Kept: trying the same submission again reuses the key.
          if (attempt >= retries) throw error;
          await pause(400 * 2 ** attempt);
        }
      }
    },
    [retries],
  );
}
