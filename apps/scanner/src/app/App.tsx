import './scanner.css';
import { AppShell, type NavItem } from '@tessera/ui';
import { forgetDeviceData } from './forget-device-data.js';
import { AppProviders } from './providers.js';
import { AppRoutes } from './routes.js';
import { ScannerAccessGate } from './ScannerAccessGate.js';

const NAV: readonly NavItem[] = [{ to: '/', label: 'Events', roles: ['scanner', 'admin'] }];

export function App() {
  return (
    <AppProviders>
      <AppShell appName="Scanner" nav={NAV} onSignedOut={forgetDeviceData}>
        <ScannerAccessGate>
          <AppRoutes />
        </ScannerAccessGate>
      </AppShell>
    </AppProviders>
  );
}
