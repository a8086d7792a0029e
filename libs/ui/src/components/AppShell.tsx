import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useRoute } from '../router.js';
import { hasAnyRole, useSession, type Role } from '../session.js';
import { Button } from './Button.js';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to users holding one of these roles; everyone sees items without roles. */
  roles?: readonly Role[];
  /** Shown only when signed in. */
  signedIn?: boolean;
}

export interface AppShellProps {
  /** Shown next to the product name, e.g. "Admin". */
  appName: string;
  nav: readonly NavItem[];
  children: ReactNode;
  /** Where the current user's name links to (an account page), if anywhere. */
  accountTo?: string;
  /** Shown in place of the user when nobody is signed in (sign-in and register links). */
  signedOutActions?: ReactNode;
  onSignedOut?: () => void;
  footer?: ReactNode;
}

/** The frame of every Tessera app: header with product, navigation by role and the current user. */
export function AppShell({ appName, nav, children, accountTo, signedOutActions, onSignedOut, footer }: AppShellProps) {
  const { user, signOut } = useSession();
  const { path } = useRoute();
  const main = useRef<HTMLElement>(null);
  const lastPath = useRef(path);

  // Move focus to the new page so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (lastPath.current !== path) main.current?.focus();
    lastPath.current = path;
  }, [path]);

  const items = nav.filter((item) => {
    if (item.signedIn && !user) return false;
    return !item.roles || hasAnyRole(user, item.roles);
  });

  const handleSignOut = async () => {
    await signOut();
    onSignedOut?.();
  };

  return (
    <div className="ts-shell">
      <a className="ts-skip-link" href="#main">
        Skip to content
      </a>
      <header className="ts-header">
        <div className="ts-header__inner">
          <Link to="/" className="ts-brand">
            <span>Tessera</span>
            <span className="ts-brand__app">{appName}</span>
          </Link>
          {items.length > 0 && (
            <nav className="ts-nav" aria-label="Main">
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} activePrefix>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="ts-user">
            {user ? (
              <>
                <span className="ts-visually-hidden">Signed in as</span>
                {accountTo ? (
                  <Link to={accountTo} className="ts-user__name">
                    <span data-testid="current-user">{user.name}</span>
                  </Link>
                ) : (
                  <span className="ts-user__name" data-testid="current-user" title={user.email}>
                    {user.name}
                  </span>
                )}
                <Button variant="secondary" size="sm" onClick={() => void handleSignOut()}>
                  Sign out
                </Button>
              </>
            ) : (
              signedOutActions
            )}
          </div>
        </div>
      </header>
      <main id="main" className="ts-main" ref={main} tabIndex={-1}>
        {children}
      </main>
      {footer && <footer className="ts-footer">{footer}</footer>}
    </div>
  );
}
