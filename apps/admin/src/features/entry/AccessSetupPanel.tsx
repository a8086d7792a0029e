import { Badge, Button, DataTable, EmptyState, ErrorBanner, Loading, type Column } from '@tessera/ui';
import { useState, type ReactNode } from 'react';
import { CheckInListForm } from './CheckInListForm.js';
import type { AccessSetup, CheckInList, Gate, Zone } from './get-access-setup.js';
import { GateForm } from './GateForm.js';
import type { AccessLevelOption } from './list-access-levels.js';
import { ZoneForm } from './ZoneForm.js';

type Adding = 'list' | 'zone' | 'gate' | null;

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
  const [adding, setAdding] = useState<Adding>(null);
  const [notice, setNotice] = useState('');

  if (loading && !setup) return <Loading>Loading the entry set-up…</Loading>;
  if (!setup) return <ErrorBanner error={error} title="The entry set-up could not be loaded" />;

  const listName = (id: string) => setup.checkInLists.find((l) => l.id === id)?.name ?? '—';
  const zoneName = (id: string | null) => (id ? (setup.zones.find((z) => z.id === id)?.name ?? '—') : 'No zone');
  const gatesOn = (pick: (g: Gate) => boolean) => setup.gates.filter(pick).length;

  const added = (message: string) => {
    setAdding(null);
    setNotice(message);
    onChanged();
  };
  const start = (what: Adding) => {
    setAdding(what);
    setNotice('');
  };

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
  ];
  const gateColumns: Column<Gate>[] = [
    { key: 'name', header: 'Gate', rowHeader: true, render: (g) => g.name },
    { key: 'zone', header: 'Into zone', render: (g) => zoneName(g.zoneId) },
    { key: 'list', header: 'Check-in list', render: (g) => listName(g.checkInListId) },
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

      <Part
        id="entry-lists-title"
        title="Check-in lists"
        description="Each list admits a ticket once; a VIP lounge can have its own."
        addLabel="Add check-in list"
        adding={adding === 'list'}
        onAdd={() => start('list')}
      >
        {adding === 'list' && (
          <CheckInListForm
            eventId={eventId}
            onCancel={() => setAdding(null)}
            onCreated={(l) => added(`Added the check-in list ${l.name}.`)}
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
        adding={adding === 'zone'}
        onAdd={() => start('zone')}
      >
        <ErrorBanner error={levelsError} title="The ticket types' access levels could not be loaded" />
        {adding === 'zone' && (
          <ZoneForm
            eventId={eventId}
            levels={levels}
            onCancel={() => setAdding(null)}
            onCreated={(z) => added(`Added the zone ${z.name}.`)}
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
        adding={adding === 'gate'}
        onAdd={() => start('gate')}
      >
        {adding === 'gate' && (
          <GateForm
            eventId={eventId}
            setup={setup}
            onCancel={() => setAdding(null)}
            onCreated={(g) => added(`Added the gate ${g.name}.`)}
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
