// The only way the apps talk to the API. `schema.ts` is generated from the API's
// OpenAPI document by `npm run api:generate`; this file adds auth and problem handling.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** An RFC 9457 problem returned by the API; `code` is what callers branch on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail || code);
    this.name = 'ApiProblem';
  }
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  get(): TokenPair | null;
  set(tokens: TokenPair | null): void;
}

/** Keeps the token pair in localStorage under `key` (one per app, so staff apps do not share a session). */
export function localTokenStore(key: string): TokenStore {
  return {
    get() {
      const raw = globalThis.localStorage?.getItem(key);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as TokenPair;
      } catch {
        return null;
      }
    },
    set(tokens) {
      if (tokens) globalThis.localStorage?.setItem(key, JSON.stringify(tokens));
      else globalThis.localStorage?.removeItem(key);
    },
  };
}

export interface ApiClientOptions {
  /** Origin of the API; empty string means the page's own origin. */
  baseUrl?: string;
  tokens?: TokenStore;
  /** Called when the session cannot be refreshed any more (signed out elsewhere, expired). */
  onSessionEnded?: () => void;
}

/**
 * Creates a typed client. It adds the bearer token, refreshes it once on a 401
 * (refresh tokens rotate, so concurrent refreshes share one request) and turns
 * problem+json answers into `ApiProblem` through `unwrap`.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const client = createClient<paths>({ baseUrl });
  const tokens = options.tokens;
  let refreshing: Promise<boolean> | null = null;

  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      const current = tokens?.get();
      if (!current) return false;
      const res = await fetch(`${baseUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!res.ok) {
        tokens?.set(null);
        options.onSessionEnded?.();
        return false;
      }
      tokens?.set((await res.json()) as TokenPair);
      return true;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const auth: Middleware = {
    onRequest({ request }) {
      const access = tokens?.get()?.accessToken;
      if (access && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${access}`);
      }
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status !== 401 || !tokens?.get() || request.url.includes('/api/auth/')) return response;
      if (!(await refresh())) return response;
      const retry = new Request(request, {
        headers: new Headers(request.headers),
      });
      retry.headers.set('authorization', `Bearer ${tokens.get()?.accessToken ?? ''}`);
      return fetch(retry);
    },
  };
  client.use(auth);
  return client;
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a call, or throws its problem as an `ApiProblem`. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const p = (error ?? {}) as {
    code?: string;
    detail?: string;
    title?: string;
    errors?: { field: string; message: string }[];
  };
  throw new ApiProblem(
    response.status,
    p.code ?? `HTTP_${response.status}`,
    p.detail ?? p.title ?? response.statusText,
    p.errors ?? [],
  );
}
