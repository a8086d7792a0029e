import { EmptyState, Link, Routes, type NavItem, type RouteDefinition } from '@tessera/ui';
import { AccountPage } from '../features/auth/AccountPage.js';
import { RegisterPage } from '../features/auth/RegisterPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { CheckoutPage } from '../features/checkout/CheckoutPage.js';
import { EventPage } from '../features/events/EventPage.js';
import { EventsPage } from '../features/events/EventsPage.js';
import { HelpPage } from '../features/help/HelpPage.js';
import { SupportTicketPage } from '../features/help/SupportTicketPage.js';
import { NotificationsPage } from '../features/notifications/NotificationsPage.js';
import { MyOrdersPage } from '../features/orders/MyOrdersPage.js';
import { OrderPage } from '../features/orders/OrderPage.js';
import { MyTicketsPage } from '../features/tickets/MyTicketsPage.js';
import { TicketPage } from '../features/tickets/TicketPage.js';

export const NAV: readonly NavItem[] = [
  { to: '/', label: 'Events' },
  { to: '/tickets', label: 'My tickets' },
  { to: '/orders', label: 'My orders', signedIn: true },
  { to: '/help', label: 'Help' },
];

const ROUTES: RouteDefinition[] = [
  { path: '/', render: () => <EventsPage /> },
  { path: '/events/:id', render: ({ id }) => <EventPage key={id} id={id ?? ''} /> },
  { path: '/checkout/:holdId', render: ({ holdId }) => <CheckoutPage key={holdId} holdId={holdId ?? ''} /> },
  { path: '/orders', render: () => <MyOrdersPage /> },
  { path: '/orders/:id', render: ({ id }) => <OrderPage key={id} id={id ?? ''} /> },
  { path: '/tickets', render: () => <MyTicketsPage /> },
  { path: '/tickets/:id', render: ({ id }) => <TicketPage key={id} id={id ?? ''} /> },
  { path: '/help', render: () => <HelpPage /> },
  { path: '/help/:id', render: ({ id }) => <SupportTicketPage key={id} id={id ?? ''} /> },
  { path: '/sign-in', render: () => <SignInPage /> },
  { path: '/register', render: () => <RegisterPage /> },
  { path: '/account', render: () => <AccountPage /> },
  { path: '/account/notifications', render: () => <NotificationsPage /> },
];

export function AppRoutes() {
  return (
    <Routes
      routes={ROUTES}
      notFound={
        <EmptyState title="Page not found" action={<Link to="/">See upcoming events</Link>}>
          The page may have moved, or the link is mistyped.
        </EmptyState>
      }
    />
  );
}
