import { AppShell, ButtonLink, Link, useRoute, withQuery } from '@tessera/ui';
import { useSavedTicketsOwner } from '../lib/saved-tickets.js';
import { AppProviders } from './providers.js';
import { AppRoutes, NAV } from './routes.js';

function SignedOutActions() {
  const { path } = useRoute();
  const next = path === '/sign-in' || path === '/register' ? undefined : path;
  return (
    <>
      <Link to={withQuery('/sign-in', { next })}>Sign in</Link>
      <ButtonLink to={withQuery('/register', { next })} size="sm">
        Register
      </ButtonLink>
    </>
  );
}

function SavedTicketsOwner() {
  useSavedTicketsOwner();
  return null;
}

export function App() {
  return (
    <AppProviders>
      <SavedTicketsOwner />
      <AppShell
        appName="Portal"
        nav={NAV}
        accountTo="/account"
        signedOutActions={<SignedOutActions />}
        footer={<>Tessera · open-source ticketing</>}
      >
        <AppRoutes />
      </AppShell>
    </AppProviders>
  );
}
