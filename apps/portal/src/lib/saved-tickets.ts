import { useSession } from '@tessera/ui';
import { useEffect } from 'react';
import { tokens } from './api.js';

// The service worker (public/sw.js) keeps the last ticket list answers so tickets show at the gate
// without a connection. The cache name below is the one sw.js writes; keep the two in step.
export const SAVED_TICKETS_CACHE = 'tessera-portal-tickets-v1';

/** The header sw.js adds when it answers from its cache because the network failed. */
const FROM_CACHE_HEADER = 'x-from-cache';

/** Whose tickets the cache holds, so another account never sees them. */
const OWNER_KEY = 'tessera.portal.saved-tickets-owner';

/** Registers public/sw.js for the whole origin (the portal is served at `/`). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Without a worker the app still works online; only the offline copy is missing.
    });
  });
}

/** True when the service worker answered from its saved copy because the network failed. */
export function answeredFromCache(response: Response): boolean {
  return response.headers.get(FROM_CACHE_HEADER) === '1';
}

/** Deletes the saved ticket lists (sign-out, or another account signing in). */
export async function forgetSavedTickets(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(SAVED_TICKETS_CACHE).catch(() => false);
}

/**
 * True when the stored session could not be checked (no connection at start-up): the session
 * reads as signed out, but the tokens are still there, so the saved tickets may be shown.
 */
export function hasUncheckedSession(): boolean {
  return tokens.get() !== null;
}

/** Forgets the saved tickets when the session ends or a different account signs in. */
export function useSavedTicketsOwner(): void {
  const { status, user } = useSession();
  const userId = user?.id ?? null;
  useEffect(() => {
    if (status === 'restoring') return;
    const owner = localStorage.getItem(OWNER_KEY);
    if (userId) {
      if (owner && owner !== userId) void forgetSavedTickets();
      localStorage.setItem(OWNER_KEY, userId);
    } else if (owner && !tokens.get()) {
      void forgetSavedTickets();
      localStorage.removeItem(OWNER_KEY);
    }
  }, [status, userId]);
}

/**
 * Calls `onControl` when a newly installed service worker takes over the page, so a list loaded
 * before it did is fetched again through it (and saved for offline use).
 */
export function useServiceWorkerTakeover(onControl: () => void): void {
  useEffect(() => {
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    if (!sw || sw.controller) return;
    sw.addEventListener('controllerchange', onControl, { once: true });
    return () => sw.removeEventListener('controllerchange', onControl);
  }, [onControl]);
}
