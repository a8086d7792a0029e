import { ApiProblem } from '@tessera/api-client';

/**
 * True when a call failed without an answer from the API: no network, a timeout, or a server
 * error a proxy returns while the API is down. A scan that failed like this is checked offline.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiProblem) return error.status >= 500;
  if (error instanceof TypeError) return true; // fetch: "Failed to fetch"
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** A unique id per scan, so the API counts a retried or re-uploaded scan once. */
export function newNonce(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
