import type { User } from '@tessera/ui';
import { readJson, writeJson } from './storage.js';

// The account last signed in on this device. Started without a connection, the app cannot ask the
// API who the stored session belongs to; it keeps working offline for this account meanwhile.

const KEY = 'tessera.scanner.known-user';

export function knownUser(): User | null {
  const saved = readJson<Partial<User>>(KEY);
  if (!saved || typeof saved.id !== 'string' || typeof saved.name !== 'string' || !Array.isArray(saved.roles)) {
    return null;
  }
  return { id: saved.id, email: saved.email ?? '', name: saved.name, roles: saved.roles };
}

export function rememberUser(user: User | null): void {
  if (user) writeJson(KEY, { id: user.id, email: user.email, name: user.name, roles: user.roles });
  else {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Storage unavailable: nothing was kept either.
    }
  }
}
