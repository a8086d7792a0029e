import { ErrorBanner, Stat, formatTimestamp } from '@tessera/ui';
import type { PolledState } from '../../lib/use-visible-polling.js';
import type { EntryStats } from './get-entry-stats.js';

const count = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString());

/** The numbers a door supervisor watches: tickets, admitted, not yet in. */
export function EntryHeadline({ stats, intervalSeconds }: { stats: PolledState<EntryStats>; intervalSeconds: number }) {
  const data = stats.data;
  const share = data && data.tickets > 0 ? Math.round((data.admitted / data.tickets) * 100) : null;
  return (
    <section aria-labelledby="entry-headline-title" className="ts-stack" style={{ gap: 'var(--space-2)' }}>
      <h2 id="entry-headline-title" className="ts-visually-hidden">
        Entry so far
      </h2>
      <div className="ts-grid" aria-busy={(stats.loading && !data) || undefined}>
        <Stat label="Valid tickets" value={<span data-testid="entry-tickets">{count(data?.tickets)}</span>} />
        <Stat
          label={share === null ? 'Admitted' : `Admitted · ${share}%`}
          value={<span data-testid="entry-admitted">{count(data?.admitted)}</span>}
        />
        <Stat label="No-shows so far" value={<span data-testid="entry-no-shows">{count(data?.noShows)}</span>} />
      </div>
      <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
        {data
          ? `Updated ${formatTimestamp(data.at)} · refreshes every ${intervalSeconds} s while this page is open`
          : 'Loading the live numbers…'}
      </p>
      <ErrorBanner
        error={stats.error}
        title={
          data ? 'The numbers could not be refreshed; they may be out of date' : 'The live numbers could not be loaded'
        }
      />
    </section>
  );
}
