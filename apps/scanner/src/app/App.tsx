import './scanner.css';
import { AccessGate, AppShell, type NavItem } from '@tessera/ui';
import { AppProviders } from './providers.js';
import { AppRoutes } from './routes.js';

const NAV: readonly NavItem[] = [{ to: '/', label: 'Events', roles: ['scanner', 'admin'] }];

export function App() {
  return (
    <AppProviders>
      <AppShell appName="Scanner" nav={NAV}>
        <AccessGate
          roles={['scanner', 'admin']}
          deniedTitle="The scanner is for gate staff"
          deniedMessage="Your account has no scanner role. Sign out and sign in with a scanner account."
          signInDescription="Sign in with your scanner account to check tickets at the gate."
        >
          <AppRoutes />
        </AccessGate>
      </AppShell>
    </AppProviders>
  );
}
