import { EmptyState, Link, Routes, type RouteDefinition } from '@tessera/ui';
import { ChooseEventPage } from '../features/events/ChooseEventPage.js';
import { ScanPage } from '../features/scan/ScanPage.js';

const ROUTES: RouteDefinition[] = [
  { path: '/', render: () => <ChooseEventPage /> },
  { path: '/scan/:eventId', render: ({ eventId }) => <ScanPage key={eventId} eventId={eventId ?? ''} /> },
];

export function AppRoutes() {
  return (
    <Routes
      routes={ROUTES}
      notFound={<EmptyState title="Page not found" action={<Link to="/">Choose an event</Link>} />}
    />
  );
}
