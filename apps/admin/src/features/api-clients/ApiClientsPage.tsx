import {
  Badge,
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
import { CreateApiClientForm } from './CreateApiClientForm.js';
import type { CreatedApiClient } from './create-api-client.js';
import { listApiClients, type ApiClientSummary } from './list-api-clients.js';
import { OneTimeKey } from './OneTimeKey.js';
import { revokeApiClient } from './revoke-api-client.js';

const LIMIT = 20;

export function ApiClientsPage() {
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const clients = useAsync((signal) => listApiClients({ limit: LIMIT, offset }, signal), [offset]);

  const revoke = async (client: ApiClientSummary) => {
    setPendingId(client.id);
    setActionError(null);
    try {
      await revokeApiClient(client.id);
      setNotice(`Revoked ${client.name}. Its key no longer works.`);
      setConfirmingId(null);
      clients.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setPendingId(null);
    }
  };

  const actions = (c: ApiClientSummary) => {
    if (c.revokedAt) return null;
    if (confirmingId !== c.id) {
      return (
        <Button variant="secondary" size="sm" aria-label={`Revoke ${c.name}`} onClick={() => setConfirmingId(c.id)}>
          Revoke
        </Button>
      );
    }
    return (
      <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
        <Button variant="danger" size="sm" busy={pendingId === c.id} onClick={() => void revoke(c)}>
          Confirm revoke
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirmingId(null)}>
          Keep
        </Button>
      </span>
    );
  };

  const columns: Column<ApiClientSummary>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (c) => c.name },
    { key: 'prefix', header: 'Key', render: (c) => <code>{c.keyPrefix}…</code> },
    {
      key: 'scopes',
      header: 'Scopes',
      render: (c) => (
        <span className="ts-cluster" style={{ gap: 'var(--space-1)' }}>
          {c.scopes.map((scope) => (
            <Badge key={scope} tone="info">
              {scope}
            </Badge>
          ))}
        </span>
      ),
    },
    { key: 'created', header: 'Created', render: (c) => formatTimestamp(c.createdAt) },
    { key: 'used', header: 'Last used', render: (c) => (c.lastUsedAt ? formatTimestamp(c.lastUsedAt) : 'Never') },
    {
      key: 'status',
      header: 'Status',
      render: (c) =>
        c.revokedAt ? (
          <Badge tone="danger">Revoked {formatTimestamp(c.revokedAt)}</Badge>
        ) : (
          <Badge tone="success">Active</Badge>
        ),
    },
    { key: 'actions', header: <span className="ts-visually-hidden">Actions</span>, align: 'end', render: actions },
  ];

  return (
    <>
      <PageHeader
        title="API clients"
        description="Keys that partner systems use to call the vendor API."
        actions={
          !creating && (
            <Button
              onClick={() => {
                setCreating(true);
                setCreated(null);
                setNotice('');
              }}
            >
              New API client
            </Button>
          )
        }
      />
      {created && <OneTimeKey client={created} onDone={() => setCreated(null)} />}
      {creating && (
        <CreateApiClientForm
          onCancel={() => setCreating(false)}
          onCreated={(client) => {
            setCreating(false);
            setCreated(client);
            clients.reload();
          }}
        />
      )}
      <p role="status" className="ts-muted">
        {notice}
      </p>
      <ErrorBanner error={actionError} />
      <ErrorBanner error={clients.error} />
      {clients.loading && !clients.data ? (
        <Loading />
      ) : (
        clients.data && (
          <>
            <DataTable
              caption="API clients"
              columns={columns}
              rows={clients.data.items}
              rowKey={(c) => c.id}
              busy={clients.loading}
              empty={
                <EmptyState title="No API clients yet">Create one to give a partner access to the API.</EmptyState>
              }
            />
            <Pagination limit={LIMIT} offset={offset} total={clients.data.total} onChange={setOffset} noun="clients" />
          </>
        )
      )}
    </>
  );
}
