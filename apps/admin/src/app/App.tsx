import { AccessGate, AppShell } from '@tessera/ui';
import { STAFF_ROLES } from '../lib/roles.js';
import { AppProviders } from './providers.js';
import { AppRoutes, NAV } from './routes.js';

export function App() {
  return (
    <AppProviders>
      <AppShell appName="Admin" nav={NAV}>
        <AccessGate
          roles={STAFF_ROLES}
          deniedTitle="This console is for staff"
          deniedMessage="Your account has no staff role. Sign out and sign in with a staff account, or ask an administrator for access."
          signInDescription="The staff console. Sign in with your staff account."
        >
          <AppRoutes />
        </AccessGate>
      </AppShell>
    </AppProviders>
  );
}
