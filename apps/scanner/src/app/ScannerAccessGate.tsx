import { unwrap } from '@tessera/api-client';
import { AccessGate, Button, hasAnyRole, useSession, type Role } from '@tessera/ui';
import { useEffect, useReducer, type ReactNode } from 'react';
import { api, sessionEnded, tokens } from '../lib/api.js';
import { knownUser, rememberUser } from '../lib/known-user.js';
import { forgetDeviceData } from './forget-device-data.js';

const ROLES: readonly Role[] = ['scanner', 'admin'];
/** While working offline, how often the stored session is checked again. */
const RECHECK_MS = 30_000;

/**
 * The scanner's access gate. A device started without a connection cannot have its session checked,
 * so the session reads as signed out although its tokens are still stored; gate staff must go on
 * scanning offline then. The account last signed in here is trusted until the API can be asked again.
 */
export function ScannerAccessGate({ children }: { children: ReactNode }) {
  const { status, user, establish, signOut } = useSession();
  // Tokens live outside React: re-read them when the session changes or ends.
  const [, recheck] = useReducer((n: number) => n + 1, 0);
  useEffect(() => sessionEnded.subscribe(recheck), []);

  useEffect(() => {
    if (status === 'signed-in') rememberUser(user);
    else if (status === 'signed-out' && !tokens.get()) rememberUser(null);
  }, [status, user]);

  const remembered = status === 'signed-out' && tokens.get() ? knownUser() : null;
  const offlineUser = remembered && hasAnyRole(remembered, ROLES) ? remembered : null;
  const offline = offlineUser !== null;

  useEffect(() => {
    if (!offline) return;
    let active = true;
    const check = async () => {
      if (navigator.onLine === false) return;
      try {
        const me = await unwrap(api.GET('/api/auth/me'));
        const stored = tokens.get();
        if (active && stored) establish({ ...stored, user: me });
      } catch {
        // Still unreachable, or the session ended (then the client cleared the tokens).
      }
      if (active) recheck();
    };
    const onOnline = () => void check();
    const timer = setInterval(onOnline, RECHECK_MS);
    window.addEventListener('online', onOnline);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [offline, establish]);

  if (offlineUser) {
    return (
      <>
        <div className="ts-alert" role="status" data-testid="offline-session">
          <p className="ts-alert__title">Working offline as {offlineUser.name}</p>
          <p>The sign-in is checked again when the connection is back. Tickets are checked on this device.</p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              void signOut().then(() => {
                forgetDeviceData();
                recheck();
              });
            }}
          >
            Sign out
          </Button>
        </div>
        {children}
      </>
    );
  }
  return (
    <AccessGate
      roles={ROLES}
      deniedTitle="The scanner is for gate staff"
      deniedMessage="Your account has no scanner role. Sign out and sign in with a scanner account."
      signInDescription="Sign in with your scanner account to check tickets at the gate."
    >
      {children}
    </AccessGate>
  );
}
