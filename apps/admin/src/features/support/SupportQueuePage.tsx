import {
  Badge,
  DataTable,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  Select,
  TextField,
  formatTimestamp,
  navigate,
  useAsync,
  useDebouncedValue,
  useRoute,
  useSession,
  withQuery,
  type Column,
} from '@tessera/ui';
import { useEffect, useMemo, useState } from 'react';
import { listEvents } from './list-events.js';
import { listSupportAgents } from './list-support-agents.js';
import { listSupportTickets, type SupportStatus, type SupportTicket } from './list-support-tickets.js';
import { PRIORITY_LABELS, PRIORITY_TONES, STATUS_LABELS, STATUS_TONES } from './support-labels.js';

const LIMIT = 25;
const STATUSES = Object.keys(STATUS_LABELS) as SupportStatus[];

/** `/support`: the support queue, most urgent first; the filters live in the URL. */
export function SupportQueuePage() {
  const { user } = useSession();
  const { query } = useRoute();
  const status = (STATUSES as string[]).includes(query.get('status') ?? '')
    ? (query.get('status') as SupportStatus)
    : '';
  const assignee = query.get('assignee') ?? '';
  const eventId = query.get('event') ?? '';
  const urlQ = query.get('q') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [search, setSearch] = useState(urlQ);
  const q = useDebouncedValue(search.trim(), 300);

  const go = (next: { status?: string; assignee?: string; event?: string; q?: string; offset?: number }) => {
    const merged = { status, assignee, event: eventId, q: urlQ, ...next };
    navigate(
      withQuery('/support', {
        status: merged.status || undefined,
        assignee: merged.assignee || undefined,
        event: merged.event || undefined,
        q: merged.q || undefined,
        offset: merged.offset || undefined,
      }),
      { replace: true },
    );
  };

  useEffect(() => {
    if (q !== urlQ) go({ q, offset: 0 });
  }, [q]);

  const agents = useAsync((signal) => listSupportAgents(signal), []);
  const events = useAsync((signal) => listEvents(signal), []);
  const eventNames = useMemo(() => new Map((events.data?.items ?? []).map((e) => [e.id, e.name])), [events.data]);
  const assigneeId = assignee === 'me' ? (user?.id ?? '') : assignee;
  const tickets = useAsync(
    (signal) =>
      listSupportTickets({ status: status || undefined, assigneeId, eventId, q: urlQ, limit: LIMIT, offset }, signal),
    [status, assigneeId, eventId, urlQ, offset],
  );

  const columns: Column<SupportTicket>[] = [
    {
      key: 'number',
      header: 'Ticket',
      rowHeader: true,
      render: (t) => (
        <Link to={`/support/${t.id}`} aria-label={`Ticket ${t.number}: ${t.subject}`}>
          #{t.number} {t.subject}
        </Link>
      ),
    },
    {
      key: 'customer',
      header: 'Customer',
      render: (t) => (
        <>
          {t.customer?.name ?? '—'}
          {t.customer?.email && (
            <>
              <br />
              <span className="ts-muted">{t.customer.email}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'event',
      header: 'Event',
      render: (t) => (t.eventId ? (eventNames.get(t.eventId) ?? '—') : '—'),
    },
    {
      key: 'status',
      header: 'Status',
      render: (t) => <Badge tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</Badge>,
    },
    {
      key: 'priority',
      header: 'Priority',
      render: (t) => <Badge tone={PRIORITY_TONES[t.priority]}>{PRIORITY_LABELS[t.priority]}</Badge>,
    },
    { key: 'assignee', header: 'Assignee', render: (t) => t.assignee?.name ?? 'Unassigned' },
    { key: 'last', header: 'Last message', render: (t) => formatTimestamp(t.lastMessageAt) },
  ];

  return (
    <>
      <PageHeader title="Support" description="Customers' support tickets, most urgent first." />
      <form
        className="ts-card ts-form"
        aria-label="Filter the support queue"
        role="search"
        onSubmit={(e) => e.preventDefault()}
        style={{ marginBottom: 'var(--space-4)' }}
      >
        <div className="ts-grid">
          <TextField
            label="Search"
            type="search"
            placeholder="Subject, message or ticket number"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select
            label="Status"
            value={status}
            onChange={(e) => go({ status: e.target.value, offset: 0 })}
            options={[
              { value: '', label: 'Any status' },
              ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            ]}
          />
          <Select
            label="Assignee"
            value={assignee}
            onChange={(e) => go({ assignee: e.target.value, offset: 0 })}
            options={[
              { value: '', label: 'Anyone' },
              { value: 'me', label: 'Assigned to me' },
              { value: 'none', label: 'Unassigned' },
              ...(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <Select
            label="Event"
            value={eventId}
            onChange={(e) => go({ event: e.target.value, offset: 0 })}
            options={[
              { value: '', label: 'All events' },
              ...(events.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
        </div>
      </form>
      <ErrorBanner error={tickets.error} />
      {tickets.loading && !tickets.data ? (
        <Loading />
      ) : (
        tickets.data && (
          <>
            <DataTable
              caption="Support tickets"
              columns={columns}
              rows={tickets.data.items}
              rowKey={(t) => t.id}
              busy={tickets.loading}
              empty={<EmptyState title="No support tickets match">Change or clear the filters.</EmptyState>}
            />
            <Pagination
              limit={LIMIT}
              offset={offset}
              total={tickets.data.total}
              onChange={(next) => go({ offset: next })}
              noun="tickets"
            />
          </>
        )
      )}
    </>
  );
}
