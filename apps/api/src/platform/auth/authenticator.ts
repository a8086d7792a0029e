import type { ApiClientActor, UserActor } from './actor.js';

/** Implemented by the auth module: resolves an API key to its client. The guard depends only on this port. */
export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<ApiClientActor>;
}

export const API_KEY_AUTHENTICATOR = Symbol('API_KEY_AUTHENTICATOR');

/**
 * Implemented by the auth module: the actor of a bearer token whose signature was checked before
 * (its session is still checked every time). Null when the token is new here: passport decides.
 */
export interface RememberedTokens {
  actorOf(authorization: string): Promise<UserActor> | null;
}

export const REMEMBERED_TOKENS = Symbol('REMEMBERED_TOKENS');
