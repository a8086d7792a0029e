import { createApiClient, localTokenStore } from '@tessera/api-client';
import { createSessionSignal } from '@tessera/ui';

// The one API client of this app. Each app keeps its own session under its own key.
export const tokens = localTokenStore('tessera.scanner.session');

/** Fired when the tokens can no longer be refreshed; the session provider signs out. */
export const sessionEnded = createSessionSignal();

export const api = createApiClient({ tokens, onSessionEnded: sessionEnded.notify });
