import { AccessGate, AppShell, type NavItem } from '@tessera/ui';
import { AppProviders } from './providers.js';
import { AppRoutes } from './routes.js';

const NAV: readonly NavItem[] = [
  { to: '/', label: 'Sell', roles: ['box_office', 'admin'] },
  { to: '/events', label: 'Events', roles: ['box_office', 'admin'] },
];

export function App() {
  return (
    <AppProviders>
      <AppShell appName="Box office" nav={NAV}>
        <AccessGate
          roles={['box_office', 'admin']}
          deniedTitle="The box office is for box office staff"
          deniedMessage="Your account has no box office role. Sign out and sign in with a box office account."
          signInDescription="Sign in with your box office account to sell at the counter."
        >
          <AppRoutes />
        </AccessGate>
      </AppShell>
    </AppProviders>
  );
}
