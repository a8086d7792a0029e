import { EmptyState, Link, Routes, useRoute, type RouteDefinition } from '@tessera/ui';
import { EventsPage } from '../features/events/EventsPage.js';
import { SellPage } from '../features/sell/SellPage.js';

function SellRoute() {
  const { query } = useRoute();
  return <SellPage eventId={query.get('event')} />;
}

const ROUTES: RouteDefinition[] = [
  { path: '/', render: () => <SellRoute /> },
  { path: '/events', render: () => <EventsPage /> },
];

export function AppRoutes() {
  return (
    <Routes routes={ROUTES} notFound={<EmptyState title="Page not found" action={<Link to="/">Go to Sell</Link>} />} />
  );
}
