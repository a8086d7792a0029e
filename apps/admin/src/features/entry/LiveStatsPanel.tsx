import { DataTable, EmptyState, Loading, type Column } from '@tessera/ui';
import type { EntryStats } from './get-entry-stats.js';
import { SlotChart } from './SlotChart.js';

type GateRow = EntryStats['byGate'][number];
type ZoneRow = EntryStats['occupancy'][number];

const GATE_COLUMNS: Column<GateRow>[] = [
  { key: 'gate', header: 'Gate', rowHeader: true, render: (g) => g.gateName },
  { key: 'admitted', header: 'Admitted', align: 'end', render: (g) => g.admitted.toLocaleString() },
  { key: 'rejected', header: 'Rejected', align: 'end', render: (g) => g.rejected.toLocaleString() },
];

function zoneColumns(totalInside: number): Column<ZoneRow>[] {
  return [
    { key: 'zone', header: 'Zone', rowHeader: true, render: (z) => z.zoneName },
    { key: 'inside', header: 'Inside now', align: 'end', render: (z) => z.inside.toLocaleString() },
    {
      key: 'share',
      header: 'Share of everyone inside',
      render: (z) => (
        <span className="entry-meter" aria-hidden="true">
          <span style={{ width: `${totalInside > 0 ? (z.inside / totalInside) * 100 : 0}%` }} />
        </span>
      ),
    },
  ];
}

/** Admissions over time, by gate, and how many people are in each zone now. */
export function LiveStatsPanel({ stats, timeZone }: { stats: EntryStats | undefined; timeZone: string }) {
  if (!stats) return <Loading>Loading the live numbers…</Loading>;
  const totalInside = stats.occupancy.reduce((sum, z) => sum + z.inside, 0);
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
      <section className="ts-card ts-stack" aria-labelledby="entry-slots-title" style={{ gap: 'var(--space-3)' }}>
        <h2 id="entry-slots-title" style={{ margin: 0 }}>
          Admissions over time
        </h2>
        <SlotChart bySlot={stats.bySlot} timeZone={timeZone} />
      </section>
      <div
        className="ts-grid"
        style={{ alignItems: 'start', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))' }}
      >
        <section className="ts-stack" aria-labelledby="entry-by-gate-title" style={{ gap: 'var(--space-3)' }}>
          <h2 id="entry-by-gate-title" style={{ margin: 0 }}>
            By gate
          </h2>
          <DataTable
            caption="Scans by gate"
            columns={GATE_COLUMNS}
            rows={stats.byGate}
            rowKey={(g) => g.gateId ?? 'none'}
            empty={<EmptyState title="No scans yet" />}
          />
        </section>
        <section className="ts-stack" aria-labelledby="entry-occupancy-title" style={{ gap: 'var(--space-3)' }}>
          <h2 id="entry-occupancy-title" style={{ margin: 0 }}>
            Occupancy
          </h2>
          <DataTable
            caption="People inside by zone"
            columns={zoneColumns(totalInside)}
            rows={stats.occupancy}
            rowKey={(z) => z.zoneId ?? 'main'}
            empty={<EmptyState title="Nobody inside yet" />}
          />
        </section>
      </div>
    </div>
  );
}
