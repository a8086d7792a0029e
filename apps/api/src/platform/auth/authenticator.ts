import type { ApiClientActor } from './actor.js';

/** Implemented by the auth module: resolves an API key to its client. The guard depends only on this port. */
export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<ApiClientActor>;
}

export const API_KEY_AUTHENTICATOR = Symbol('API_KEY_AUTHENTICATOR');
