import { AppShell, ButtonLink, Link, useRoute, withQuery } from '@tessera/ui';
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

export function App() {
  return (
    <AppProviders>
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
