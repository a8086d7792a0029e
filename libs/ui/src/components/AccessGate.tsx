import type { ReactNode } from 'react';
import { hasAnyRole, useSession, type Role } from '../session.js';
import { Button } from './Button.js';
import { Loading } from './Layout.js';
import { SignInForm } from './SignInForm.js';

export interface AccessGateProps {
  /** The user needs at least one of these roles. */
  roles: readonly Role[];
  /** Title of the screen shown to a signed-in user without those roles. */
  deniedTitle: ReactNode;
  deniedMessage?: ReactNode;
  signInDescription?: ReactNode;
  children: ReactNode;
}

/** Shows its children only to signed-in users with one of `roles`; otherwise sign-in or a refusal. */
export function AccessGate({ roles, deniedTitle, deniedMessage, signInDescription, children }: AccessGateProps) {
  const { status, user, signOut } = useSession();
  if (status === 'restoring') return <Loading>Restoring your session…</Loading>;
  if (!user) return <SignInForm description={signInDescription} />;
  if (!hasAnyRole(user, roles)) {
    return (
      <section className="ts-card ts-card--narrow" aria-labelledby="access-denied-title">
        <h1 id="access-denied-title">{deniedTitle}</h1>
        {deniedMessage && <p className="ts-muted">{deniedMessage}</p>}
        <Button variant="secondary" onClick={() => void signOut()}>
          Sign out
        </Button>
      </section>
    );
  }
  return <>{children}</>;
}
