import {
  Button,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Pagination,
  formatTimestamp,
  useAsync,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { AuditDiff } from './AuditDiff.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { listStaffNames } from './list-staff-names.js';
import { listAudit, type AuditEntry, type AuditFilters } from './list-audit.js';
import { VerifyChain } from './VerifyChain.js';

const LIMIT = 25;

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <h3 style={{ fontSize: 'var(--text-sm)' }}>{label}</h3>
      <pre className="ts-code">{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <div className="ts-stack">
      <AuditDiff before={entry.before} after={entry.after} />
      <details>
        <summary>Raw JSON</summary>
        <div className="ts-grid">
          <Json label="Before" value={entry.before} />
          <Json label="After" value={entry.after} />
        </div>
      </details>
      <p className="ts-muted" style={{ margin: 0, wordBreak: 'break-all' }}>
        Hash <code>{entry.hash}</code> · previous <code>{entry.prevHash}</code>
        {entry.requestId && (
          <>
            {' '}
            · request <code>{entry.requestId}</code>
          </>
        )}
      </p>
    </div>
  );
}

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [offset, setOffset] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const entries = useAsync((signal) => listAudit(filters, { limit: LIMIT, offset }, signal), [filters, offset]);
  // Names are a convenience: without them the ids still show.
  const staff = useAsync((signal) => listStaffNames(signal).catch(() => new Map()), []);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', render: (e) => formatTimestamp(e.at) },
    { key: 'action', header: 'Action', rowHeader: true, render: (e) => <code>{e.action}</code> },
    {
      key: 'actor',
      header: 'Actor',
      render: (e) => (
        <>
          {(e.actorId && staff.data?.get(e.actorId)?.name) ?? e.actorType}
          {e.actorId && staff.data?.get(e.actorId) && (
            <>
              <br />
              <span className="ts-muted">{staff.data.get(e.actorId)?.email}</span>
            </>
          )}
          {e.actorId && (
            <>
              <br />
              <code className="ts-muted">{e.actorId}</code>
            </>
          )}
        </>
      ),
    },
    {
      key: 'entity',
      header: 'Entity',
      render: (e) => (
        <>
          {e.entityType}
          {e.entityId && (
            <>
              <br />
              <code className="ts-muted">{e.entityId}</code>
            </>
          )}
        </>
      ),
    },
    {
      key: 'details',
      header: <span className="ts-visually-hidden">Details</span>,
      align: 'end',
      render: (e) => (
        <Button variant="ghost" size="sm" aria-expanded={expanded.has(e.id)} onClick={() => toggle(e.id)}>
          {expanded.has(e.id) ? 'Hide changes' : 'Show changes'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Audit trail" description="Every change made through the API, in a tamper-evident chain." />
      <VerifyChain />
      <AuditFilterForm
        onApply={(next) => {
          setFilters(next);
          setOffset(0);
          setExpanded(new Set());
        }}
      />
      <ErrorBanner error={entries.error} />
      {entries.loading && !entries.data ? (
        <Loading />
      ) : (
        entries.data && (
          <>
            <DataTable
              caption="Audit entries, newest first"
              columns={columns}
              rows={entries.data.items}
              rowKey={(e) => e.id}
              busy={entries.loading}
              empty={<EmptyState title="No audit entries match">Change or clear the filters.</EmptyState>}
              renderDetails={(e) => (expanded.has(e.id) ? <EntryDetails entry={e} /> : null)}
            />
            <Pagination limit={LIMIT} offset={offset} total={entries.data.total} onChange={setOffset} noun="entries" />
          </>
        )
      )}
    </>
  );
}
