import { Badge, EmptyState, ErrorBanner, Link, Loading, Pagination, formatTimestamp, useAsync } from '@tessera/ui';
import { useState } from 'react';
import { listMySupportTickets } from './list-my-support-tickets.js';
import { SUPPORT_STATUS } from './support-status.js';

const LIMIT = 20;

/** The customer's own support requests. */
export function MySupportTickets() {
  const [offset, setOffset] = useState(0);
  const tickets = useAsync((signal) => listMySupportTickets({ limit: LIMIT, offset }, signal), [offset]);
  if (tickets.loading && !tickets.data) return <Loading>Loading your requests…</Loading>;
  if (!tickets.data) return <ErrorBanner error={tickets.error} />;
  if (tickets.data.items.length === 0) {
    return <EmptyState title="No support requests yet">Ask us below; the answers appear here.</EmptyState>;
  }
  return (
    <>
      <ul className="ts-stack" aria-label="Your support requests" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tickets.data.items.map((t) => (
          <li key={t.id} className="ts-card ts-cluster" style={{ justifyContent: 'space-between' }}>
            <span>
              <Link to={`/help/${t.id}`}>
                #{t.number} {t.subject}
              </Link>
              <br />
              <span className="ts-muted">Last message {formatTimestamp(t.lastMessageAt)}</span>
            </span>
            <Badge tone={SUPPORT_STATUS[t.status].tone}>{SUPPORT_STATUS[t.status].label}</Badge>
          </li>
        ))}
      </ul>
      <Pagination limit={LIMIT} offset={offset} total={tickets.data.total} onChange={setOffset} noun="requests" />
    </>
  );
}
