import {
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  Pagination,
  TextField,
  formatTimestamp,
  useAsync,
  useDebouncedValue,
  useSession,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { ROLE_LABELS } from '../../lib/roles.js';
import { CreateStaffForm } from './CreateStaffForm.js';
import { EditStaffForm } from './EditStaffForm.js';
import { listStaff, type Staff } from './list-staff.js';
import { updateStaff } from './update-staff.js';

const LIMIT = 20;

export function StaffPage() {
  const { user } = useSession();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const staff = useAsync((signal) => listStaff({ q, limit: LIMIT, offset }, signal), [q, offset]);

  const done = (message: string) => {
    setNotice(message);
    setActionError(null);
    staff.reload();
  };

  const toggleDisabled = async (member: Staff) => {
    setPendingId(member.id);
    setActionError(null);
    try {
      const updated = await updateStaff(member.id, { disabled: !member.disabled });
      done(`${updated.name} is now ${updated.disabled ? 'disabled' : 'enabled'}.`);
    } catch (e) {
      setActionError(e);
    } finally {
      setPendingId(null);
    }
  };

  const columns: Column<Staff>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (s) => s.name },
    { key: 'email', header: 'Email', render: (s) => s.email },
    {
      key: 'roles',
      header: 'Roles',
      render: (s) => (
        <span className="ts-cluster" style={{ gap: 'var(--space-1)' }}>
          {s.roles.map((role) => (
            <Badge key={role} tone="info">
              {ROLE_LABELS[role]}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (s) => <Badge tone={s.disabled ? 'danger' : 'success'}>{s.disabled ? 'Disabled' : 'Active'}</Badge>,
    },
    { key: 'created', header: 'Created', render: (s) => formatTimestamp(s.createdAt) },
    {
      key: 'actions',
      header: <span className="ts-visually-hidden">Actions</span>,
      align: 'end',
      render: (s) => (
        <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={editingId === s.id}
            aria-label={`Edit ${s.name}`}
            onClick={() => setEditingId(editingId === s.id ? null : s.id)}
          >
            Edit
          </Button>
          <Button
            variant={s.disabled ? 'secondary' : 'danger'}
            size="sm"
            busy={pendingId === s.id}
            disabled={s.id === user?.id}
            title={s.id === user?.id ? 'You cannot disable your own account' : undefined}
            aria-label={`${s.disabled ? 'Enable' : 'Disable'} ${s.name}`}
            onClick={() => void toggleDisabled(s)}
          >
            {s.disabled ? 'Enable' : 'Disable'}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Staff"
        description="Accounts that can use the staff apps, and what each may do."
        actions={
          !creating && (
            <Button
              onClick={() => {
                setCreating(true);
                setNotice('');
              }}
            >
              Add staff member
            </Button>
          )
        }
      />
      {creating && (
        <CreateStaffForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            done(`${created.name} can now sign in.`);
          }}
        />
      )}
      <p role="status" className="ts-muted">
        {notice}
      </p>
      <ErrorBanner error={actionError} />
      <form
        className="ts-cluster"
        role="search"
        onSubmit={(e) => e.preventDefault()}
        style={{ marginBottom: 'var(--space-4)' }}
      >
        <TextField
          label="Search staff"
          type="search"
          hint="Name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </form>
      <ErrorBanner error={staff.error} />
      {staff.loading && !staff.data ? (
        <Loading />
      ) : (
        staff.data && (
          <>
            <DataTable
              caption="Staff accounts"
              columns={columns}
              rows={staff.data.items}
              rowKey={(s) => s.id}
              busy={staff.loading}
              empty={
                <EmptyState title="No staff found">
                  {q ? 'Try another search.' : 'Add the first staff member.'}
                </EmptyState>
              }
              renderDetails={(s) =>
                editingId === s.id ? (
                  <EditStaffForm
                    staff={s}
                    onCancel={() => setEditingId(null)}
                    onSaved={(updated) => {
                      setEditingId(null);
                      done(`Saved ${updated.name}.`);
                    }}
                  />
                ) : null
              }
            />
            <Pagination limit={LIMIT} offset={offset} total={staff.data.total} onChange={setOffset} noun="staff" />
          </>
        )
      )}
    </>
  );
}
