import { unwrap } from '@tessera/api-client';
import { hasAnyRole, type User } from '@tessera/ui';
import { api } from '../../lib/api.js';

export interface DashboardCount {
  key: string;
  label: string;
  /** Null when the count could not be loaded. */
  value: number | null;
}

interface CountSource {
  key: string;
  label: string;
  visible: (user: User) => boolean;
  load: (signal: AbortSignal) => Promise<{ total: number }>;
}

const isAdmin = (user: User) => hasAnyRole(user, ['admin']);

// Totals come from the list endpoints with limit=1; each card shows only what the user may call.
const SOURCES: CountSource[] = [
  {
    key: 'upcoming-events',
    label: 'Upcoming events',
    visible: () => true,
    load: (signal) =>
      unwrap(api.GET('/api/events', { params: { query: { from: new Date().toISOString(), limit: 1 } }, signal })),
  },
  {
    key: 'open-support-tickets',
    label: 'Open support tickets',
    visible: (user) => hasAnyRole(user, ['admin', 'support_agent']),
    load: (signal) => unwrap(api.GET('/api/tickets', { params: { query: { status: 'open', limit: 1 } }, signal })),
  },
  {
    key: 'staff',
    label: 'Staff accounts',
    visible: isAdmin,
    load: (signal) => unwrap(api.GET('/api/staff', { params: { query: { limit: 1 } }, signal })),
  },
  {
    key: 'api-clients',
    label: 'API clients',
    visible: isAdmin,
    load: (signal) => unwrap(api.GET('/api/api-clients', { params: { query: { limit: 1 } }, signal })),
  },
  {
    key: 'audit',
    label: 'Audit entries',
    visible: isAdmin,
    load: (signal) => unwrap(api.GET('/api/audit', { params: { query: { limit: 1 } }, signal })),
  },
];

export async function getDashboardCounts(user: User, signal: AbortSignal): Promise<DashboardCount[]> {
  const sources = SOURCES.filter((source) => source.visible(user));
  const results = await Promise.allSettled(sources.map((source) => source.load(signal)));
  return sources.map((source, i) => {
    const result = results[i];
    return {
      key: source.key,
      label: source.label,
      value: result?.status === 'fulfilled' ? result.value.total : null,
    };
  });
}
