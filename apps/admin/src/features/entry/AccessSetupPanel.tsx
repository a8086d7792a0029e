import { Badge, Button, DataTable, EmptyState, ErrorBanner, Loading, type Column } from '@tessera/ui';
import { useState, type ReactNode } from 'react';
import { useAction } from '../../lib/use-action.js';
import { CheckInListForm } from './CheckInListForm.js';
import { deleteSetupPart, type SetupPart } from './edit-access-setup.js';
import type { AccessSetup, CheckInList, Gate, Zone } from './get-access-setup.js';
import { GateForm } from './GateForm.js';
import type { AccessLevelOption } from './list-access-levels.js';
import { ZoneForm } from './ZoneForm.js';

/** The part being added (no id) or edited. */
type Editing = { part: SetupPart; id?: string } | null;

const NOUN: Record<SetupPart, string> = { list: 'check-in list', zone: 'zone', gate: 'gate' };

export interface AccessSetupPanelProps {
  eventId: string;
  setup: AccessSetup | undefined;
  loading: boolean;
  error: unknown;
  levels: readonly AccessLevelOption[];
  levelsError: unknown;
  onChanged: () => void;
}

function Part({
  id,
  title,
  description,
  addLabel,
  adding,
  onAdd,
  children,
}: {
  id: string;
  title: string;
  description: string;
  addLabel: string;
  adding: boolean;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <section className="ts-stack" aria-labelledby={id} style={{ gap: 'var(--space-3)' }}>
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <h3 id={id} style={{ margin: 0 }}>
            {title}
          </h3>
          <p className="ts-muted" style={{ margin: 'var(--space-1) 0 0' }}>
            {description}
          </p>
        </div>
        {!adding && (
          <Button variant="secondary" onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </div>
      {children}
    </section>
  );
}

/** Check-in lists, zones and the gates into them: who may pass where, and how often. */
export function AccessSetupPanel({
  eventId,
  setup,
  loading,
  error,
  levels,
  levelsError,
  onChanged,
}: AccessSetupPanelProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<{ part: SetupPart; id: string } | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useAction();

  if (loading && !setup) return <Loading>Loading the entry set-up…</Loading>;
  if (!setup) return <ErrorBanner error={error} title="The entry set-up could not be loaded" />;

  const listName = (id: string) => setup.checkInLists.find((l) => l.id === id)?.name ?? '—';
  const zoneName = (id: string | null) => (id ? (setup.zones.find((z) => z.id === id)?.name ?? '—') : 'No zone');
  const gatesOn = (pick: (g: Gate) => boolean) => setup.gates.filter(pick).length;

  const saved = (part: SetupPart, name: string) => {
    setNotice(`${editing?.id ? 'Saved' : 'Added'} the ${NOUN[part]} ${name}.`);
    setEditing(null);
    onChanged();
  };
  const start = (what: Editing) => {
    setEditing(what);
    setDeleting(null);
    setNotice('');
    remove.clear();
  };
  const adding = (part: SetupPart) => editing?.part === part && !editing.id;
  const edited = <T extends { id: string }>(part: SetupPart, rows: T[]) =>
    editing?.part === part && editing.id ? rows.find((r) => r.id === editing.id) : undefined;
  const confirmDelete = (part: SetupPart, row: { id: string; name: string }) =>
    void remove.run(async () => {
      await deleteSetupPart(part, row.id);
      setDeleting(null);
      setNotice(`Deleted the ${NOUN[part]} ${row.name}.`);
      onChanged();
    });

  /** Edit and delete buttons of a row; deleting asks once more. */
  const actions = (part: SetupPart, row: { id: string; name: string }, canDelete = true) => {
    const cluster = { justifyContent: 'flex-end', flexWrap: 'nowrap' } as const;
    if (deleting?.part === part && deleting.id === row.id)
      return (
        <span className="ts-cluster" style={cluster}>
          <Button variant="danger" size="sm" busy={remove.busy} onClick={() => confirmDelete(part, row)}>
            Delete {row.name}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setDeleting(null)}>
            Keep
          </Button>
        </span>
      );
    return (
      <span className="ts-cluster" style={cluster}>
        <Button variant="ghost" size="sm" aria-label={`Edit ${row.name}`} onClick={() => start({ part, id: row.id })}>
          Edit
        </Button>
        {canDelete && (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Delete ${row.name}`}
            onClick={() => {
              remove.clear();
              setDeleting({ part, id: row.id });
            }}
          >
            Delete
          </Button>
        )}
      </span>
    );
  };
  const actionsColumn = <T extends { id: string; name: string }>(
    part: SetupPart,
    canDelete?: (row: T) => boolean,
  ): Column<T> => ({
    key: 'actions',
    header: <span className="ts-visually-hidden">Actions</span>,
    align: 'end',
    render: (row) => actions(part, row, canDelete ? canDelete(row) : true),
  });
  const editedList = edited('list', setup.checkInLists);
  const editedZone = edited('zone', setup.zones);
  const editedGate = edited('gate', setup.gates);

  const listColumns: Column<CheckInList>[] = [
    {
      key: 'name',
      header: 'List',
      rowHeader: true,
      render: (l) => (
        <>
          {l.name} {l.isDefault && <Badge tone="info">Default</Badge>}
        </>
      ),
    },
    { key: 'reentry', header: 'Re-entry', render: (l) => (l.allowReentry ? 'Allowed' : 'Once only') },
    { key: 'gates', header: 'Gates', align: 'end', render: (l) => gatesOn((g) => g.checkInListId === l.id) },
    // The default list is where gate-less scans check in: it can be renamed, never deleted.
    actionsColumn<CheckInList>('list', (l) => !l.isDefault),
  ];
  const zoneColumns: Column<Zone>[] = [
    { key: 'name', header: 'Zone', rowHeader: true, render: (z) => z.name },
    {
      key: 'levels',
      header: 'Access levels',
      render: (z) => (
        <span className="ts-cluster" style={{ gap: 'var(--space-1)' }}>
          {z.accessLevels.map((level) => (
            <Badge key={level} tone="info">
              {level}
            </Badge>
          ))}
        </span>
      ),
    },
    { key: 'gates', header: 'Gates', align: 'end', render: (z) => gatesOn((g) => g.zoneId === z.id) },
    actionsColumn<Zone>('zone'),
  ];
  const gateColumns: Column<Gate>[] = [
    { key: 'name', header: 'Gate', rowHeader: true, render: (g) => g.name },
    { key: 'zone', header: 'Into zone', render: (g) => zoneName(g.zoneId) },
    { key: 'list', header: 'Check-in list', render: (g) => listName(g.checkInListId) },
    actionsColumn<Gate>('gate'),
  ];

  return (
    <section className="ts-stack" aria-labelledby="entry-setup-title" style={{ gap: 'var(--space-5)' }}>
      <div>
        <h2 id="entry-setup-title" style={{ margin: 0 }}>
          Set-up
        </h2>
        <p className="ts-muted" style={{ margin: 'var(--space-1) 0 0' }}>
          Scans without a gate check in on the default list and admit any valid ticket.
        </p>
      </div>
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {notice}
      </p>
      <ErrorBanner error={error} title="The latest set-up could not be loaded" />
      <ErrorBanner error={remove.error} title="Not deleted" />

      <Part
        id="entry-lists-title"
        title="Check-in lists"
        description="Each list admits a ticket once; a VIP lounge can have its own."
        addLabel="Add check-in list"
        adding={adding('list')}
        onAdd={() => start({ part: 'list' })}
      >
        {(adding('list') || editedList) && (
          <CheckInListForm
            key={editedList?.id ?? 'new'}
            eventId={eventId}
            list={editedList}
            onCancel={() => setEditing(null)}
            onSaved={(l) => saved('list', l.name)}
          />
        )}
        <DataTable
          caption="Check-in lists"
          columns={listColumns}
          rows={setup.checkInLists}
          rowKey={(l) => l.id}
          busy={loading}
          empty={
            <EmptyState title="No check-in lists yet">
              The default list (Main entrance) is added with the first gate or scan.
            </EmptyState>
          }
        />
      </Part>

      <Part
        id="entry-zones-title"
        title="Zones"
        description="Areas open to some access levels, such as a VIP area for vip tickets."
        addLabel="Add zone"
        adding={adding('zone')}
        onAdd={() => start({ part: 'zone' })}
      >
        <ErrorBanner error={levelsError} title="The ticket types' access levels could not be loaded" />
        {(adding('zone') || editedZone) && (
          <ZoneForm
            key={editedZone?.id ?? 'new'}
            eventId={eventId}
            levels={levels}
            zone={editedZone}
            onCancel={() => setEditing(null)}
            onSaved={(z) => saved('zone', z.name)}
          />
        )}
        <DataTable
          caption="Zones"
          columns={zoneColumns}
          rows={setup.zones}
          rowKey={(z) => z.id}
          busy={loading}
          empty={<EmptyState title="No zones yet">Without zones, every gate admits any valid ticket.</EmptyState>}
        />
      </Part>

      <Part
        id="entry-gates-title"
        title="Gates"
        description="Where tickets are scanned: each leads into a zone and checks in on a list."
        addLabel="Add gate"
        adding={adding('gate')}
        onAdd={() => start({ part: 'gate' })}
      >
        {(adding('gate') || editedGate) && (
          <GateForm
            key={editedGate?.id ?? 'new'}
            eventId={eventId}
            setup={setup}
            gate={editedGate}
            onCancel={() => setEditing(null)}
            onSaved={(g) => saved('gate', g.name)}
          />
        )}
        <DataTable
          caption="Gates"
          columns={gateColumns}
          rows={setup.gates}
          rowKey={(g) => g.id}
          busy={loading}
          empty={
            <EmptyState title="No gates yet">
              Add one per entrance so scans and numbers show where people came in.
            </EmptyState>
          }
        />
      </Part>
    </section>
  );
}
