import {
  EmptyState,
  Link,
  Routes,
  hasAnyRole,
  useSession,
  type NavItem,
  type Role,
  type RouteDefinition,
} from '@tessera/ui';
import type { ReactNode } from 'react';
import { ApiClientsPage } from '../features/api-clients/ApiClientsPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { EventsPage } from '../features/events/EventsPage.js';
import { StaffPage } from '../features/staff/StaffPage.js';
import { STAFF_ROLES } from '../lib/roles.js';

const EVENT_ROLES: readonly Role[] = ['admin', 'event_manager'];
const ADMIN: readonly Role[] = ['admin'];

export const NAV: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', roles: STAFF_ROLES },
  { to: '/events', label: 'Events', roles: EVENT_ROLES },
  { to: '/staff', label: 'Staff', roles: ADMIN },
  { to: '/api-clients', label: 'API clients', roles: ADMIN },
  { to: '/audit', label: 'Audit trail', roles: ADMIN },
];

function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (hasAnyRole(user, roles)) return <>{children}</>;
  return (
    <EmptyState title="You do not have access to this page" action={<Link to="/">Back to the dashboard</Link>}>
      Ask an administrator if you need it.
    </EmptyState>
  );
}

const ROUTES: RouteDefinition[] = [
  { path: '/', render: () => <DashboardPage /> },
  {
    path: '/events',
    render: () => (
      <RequireRoles roles={EVENT_ROLES}>
        <EventsPage />
      </RequireRoles>
    ),
  },
  {
    path: '/staff',
    render: () => (
      <RequireRoles roles={ADMIN}>
        <StaffPage />
      </RequireRoles>
    ),
  },
  {
    path: '/api-clients',
    render: () => (
      <RequireRoles roles={ADMIN}>
        <ApiClientsPage />
      </RequireRoles>
    ),
  },
  {
    path: '/audit',
    render: () => (
      <RequireRoles roles={ADMIN}>
        <AuditPage />
      </RequireRoles>
    ),
  },
];

export function AppRoutes() {
  return (
    <Routes
      routes={ROUTES}
      notFound={<EmptyState title="Page not found" action={<Link to="/">Go to the dashboard</Link>} />}
    />
  );
}
