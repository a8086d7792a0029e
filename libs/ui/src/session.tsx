import { ApiProblem, unwrap, type ApiClient, type Schemas, type TokenStore } from '@tessera/api-client';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type User = Schemas['UserDto'];
export type Role = User['roles'][number];
export type AuthResponse = Schemas['AuthResponseDto'];

/** True when the user holds at least one of `roles`. */
export function hasAnyRole(user: Pick<User, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

/** Lets the API client tell the session that the tokens can no longer be refreshed. */
export interface SessionSignal {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionSignal(): SessionSignal {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface Session {
  status: SessionStatus;
  user: User | null;
  /** Signs in with email and password; throws an ApiProblem when refused. */
  signIn(email: string, password: string): Promise<User>;
  /** Ends the session on the server (best effort) and forgets the tokens. */
  signOut(): Promise<void>;
  /** Adopts the result of another call that signs the user in (registration). */
  establish(auth: AuthResponse): void;
}

const SessionContext = createContext<Session | null>(null);

/** Reads the stored tokens and asks the API who they belong to, refreshing them once if needed. */
async function restore(api: ApiClient, tokens: TokenStore): Promise<User | null> {
  const stored = tokens.get();
  if (!stored) return null;
  try {
    return await unwrap(api.GET('/api/auth/me'));
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
  }
  // The auth routes are not refreshed by the client itself, so do it here.
  try {
    const pair = await unwrap(api.POST('/api/auth/refresh', { body: { refreshToken: stored.refreshToken } }));
    tokens.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    return await unwrap(api.GET('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) {
      tokens.set(null);
      return null;
    }
    throw error;
  }
}

/** Revokes the session on the server; an expired access token is refreshed once first. */
async function logout(api: ApiClient, tokens: TokenStore, refreshToken: string): Promise<void> {
  try {
    await unwrap(api.POST('/api/auth/logout'));
    return;
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
  }
  const pair = await unwrap(api.POST('/api/auth/refresh', { body: { refreshToken } }));
  tokens.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  await unwrap(api.POST('/api/auth/logout'));
}

export interface SessionProviderProps {
  api: ApiClient;
  tokens: TokenStore;
  /** Fired by the API client when refreshing fails (see `createApiClient({ onSessionEnded })`). */
  ended?: SessionSignal;
  children: ReactNode;
}

export function SessionProvider({ api, tokens, ended, children }: SessionProviderProps) {
  const [state, setState] = useState<{ status: SessionStatus; user: User | null }>(() => ({
    status: tokens.get() ? 'restoring' : 'signed-out',
    user: null,
  }));
  const restoring = useRef<Promise<User | null> | null>(null);

  useEffect(() => {
    let active = true;
    // One restore per provider, even when effects run twice in development.
    restoring.current ??= restore(api, tokens).catch(() => null);
    void restoring.current.then((user) => {
      if (active) setState((current) => (current.status === 'restoring' ? toState(user) : current));
    });
    return () => {
      active = false;
    };
  }, [api, tokens]);

  useEffect(() => ended?.subscribe(() => setState({ status: 'signed-out', user: null })), [ended]);

  const establish = useCallback(
    (auth: AuthResponse) => {
      tokens.set({ accessToken: auth.accessToken, refreshToken: auth.refreshToken });
      setState(toState(auth.user));
    },
    [tokens],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const auth = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
      establish(auth);
      return auth.user;
    },
    [api, establish],
  );

  const signOut = useCallback(async () => {
    const stored = tokens.get();
    try {
      if (stored) await logout(api, tokens, stored.refreshToken);
    } catch {
      // The tokens are forgotten either way; a session that cannot be refreshed is over on the server.
    }
    tokens.set(null);
    setState({ status: 'signed-out', user: null });
  }, [api, tokens]);

  const value = useMemo<Session>(() => ({ ...state, signIn, signOut, establish }), [state, signIn, signOut, establish]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function toState(user: User | null): { status: SessionStatus; user: User | null } {
  return user ? { status: 'signed-in', user } : { status: 'signed-out', user: null };
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
