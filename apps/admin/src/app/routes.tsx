import {
  EmptyState,
  Link,
  Routes,
  Loading,
  hasAnyRole,
  useSession,
  type NavItem,
  type Role,
  type RouteDefinition,
} from '@tessera/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { ApiClientsPage } from '../features/api-clients/ApiClientsPage.js';
import { EventEditorPage } from '../features/events/EventEditorPage.js';
import { EventsPage } from '../features/events/EventsPage.js';
import { PurchaseDetailPage } from '../features/purchases/PurchaseDetailPage.js';
import { PurchasesPage } from '../features/purchases/PurchasesPage.js';
import { StaffPage } from '../features/staff/StaffPage.js';
import { TicketTypesPanel } from '../features/ticket-types/TicketTypesPanel.js';
import { VenueEditorPage } from '../features/venues/VenueEditorPage.js';
import { VenuesPage } from '../features/venues/VenuesPage.js';
import { STAFF_ROLES } from '../lib/roles.js';

// Pages with charts, maps or long forms load on first visit, keeping the first screen small.
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const EntryPage = lazy(() => import('../features/entry/EntryPage.js').then((m) => ({ default: m.EntryPage })));
const PricingPage = lazy(() => import('../features/pricing/PricingPage.js').then((m) => ({ default: m.PricingPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
const SeatMapPage = lazy(() => import('../features/seat-map/SeatMapPage.js').then((m) => ({ default: m.SeatMapPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const SupportQueuePage = lazy(() =>
  import('../features/support/SupportQueuePage.js').then((m) => ({ default: m.SupportQueuePage })),
);
const SupportTicketPage = lazy(() =>
  import('../features/support/SupportTicketPage.js').then((m) => ({ default: m.SupportTicketPage })),
);

const EVENT_ROLES: readonly Role[] = ['admin', 'event_manager'];
const ADMIN: readonly Role[] = ['admin'];
const SALES_ROLES: readonly Role[] = ['admin', 'box_office', 'support_agent'];
const SUPPORT_ROLES: readonly Role[] = ['admin', 'support_agent'];

export const NAV: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', roles: STAFF_ROLES },
  { to: '/events', label: 'Events', roles: EVENT_ROLES },
  { to: '/venues', label: 'Venues', roles: EVENT_ROLES },
  { to: '/purchases', label: 'Purchases', roles: SALES_ROLES },
  { to: '/support', label: 'Support', roles: SUPPORT_ROLES },
  { to: '/reports', label: 'Reports', roles: EVENT_ROLES },
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

/** A page for event managers. */
const manage = (page: ReactNode) => <RequireRoles roles={EVENT_ROLES}>{page}</RequireRoles>;

const ROUTES: RouteDefinition[] = [
  { path: '/', render: () => <DashboardPage /> },
  { path: '/events', render: () => manage(<EventsPage />) },
  { path: '/events/new', render: () => manage(<EventEditorPage key="new" />) },
  {
    path: '/events/:id',
    render: ({ id }) =>
      manage(<EventEditorPage key={id} id={id} renderBelow={(event) => <TicketTypesPanel event={event} />} />),
  },
  { path: '/events/:id/entry', render: ({ id }) => manage(<EntryPage key={id} eventId={id ?? ''} />) },
  { path: '/events/:id/pricing', render: ({ id }) => manage(<PricingPage key={id} eventId={id ?? ''} />) },
  {
    path: '/purchases',
    render: () => (
      <RequireRoles roles={SALES_ROLES}>
        <PurchasesPage />
      </RequireRoles>
    ),
  },
  {
    path: '/purchases/:id',
    render: ({ id }) => (
      <RequireRoles roles={SALES_ROLES}>
        <PurchaseDetailPage key={id} id={id ?? ''} />
      </RequireRoles>
    ),
  },
  {
    path: '/support',
    render: () => (
      <RequireRoles roles={SUPPORT_ROLES}>
        <SupportQueuePage />
      </RequireRoles>
    ),
  },
  {
    path: '/support/:id',
    render: ({ id }) => (
      <RequireRoles roles={SUPPORT_ROLES}>
        <SupportTicketPage key={id} id={id ?? ''} />
      </RequireRoles>
    ),
  },
  { path: '/reports', render: () => manage(<ReportsPage />) },
  { path: '/venues', render: () => manage(<VenuesPage />) },
  { path: '/venues/new', render: () => manage(<VenueEditorPage key="new" />) },
  { path: '/venues/:id', render: ({ id }) => manage(<VenueEditorPage key={id} id={id} />) },
  { path: '/venues/:id/map', render: ({ id }) => manage(<SeatMapPage key={id} venueId={id ?? ''} />) },
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
    <Suspense fallback={<Loading />}>
      <Routes
        routes={ROUTES}
        notFound={<EmptyState title="Page not found" action={<Link to="/">Go to the dashboard</Link>} />}
      />
    </Suspense>
  );
}
