import { EmptyState, formatEventTime } from '@tessera/ui';
import type { EntryStats } from './get-entry-stats.js';

const SLOT_MS = 5 * 60_000;
/** Four hours of 5-minute slots; older ones scroll out of the chart. */
const MAX_SLOTS = 48;

interface Bar {
  slot: string;
  admitted: number;
}

/** The slots from the first to the last admission, quiet ones included, so the time axis has no gaps. */
export function continuousSlots(bySlot: EntryStats['bySlot']): { bars: Bar[]; cut: boolean } {
  if (bySlot.length === 0) return { bars: [], cut: false };
  const counts = new Map(bySlot.map((s) => [Date.parse(s.slot), s.admitted]));
  const times = [...counts.keys()].sort((a, b) => a - b);
  const last = times[times.length - 1] ?? 0;
  const first = Math.max(times[0] ?? last, last - (MAX_SLOTS - 1) * SLOT_MS);
  const bars: Bar[] = [];
  for (let t = first; t <= last; t += SLOT_MS) {
    bars.push({ slot: new Date(t).toISOString(), admitted: counts.get(t) ?? 0 });
  }
  return { bars, cut: (times[0] ?? last) < first };
}

/** Admissions per 5-minute slot as plain bars, times in the event's zone. */
export function SlotChart({ bySlot, timeZone }: { bySlot: EntryStats['bySlot']; timeZone: string }) {
  const { bars, cut } = continuousSlots(bySlot);
  if (bars.length === 0) {
    return <EmptyState title="No admissions yet">The chart fills in as tickets are scanned in.</EmptyState>;
  }
  const peak = Math.max(1, ...bars.map((b) => b.admitted));
  // Label about eight slots so the labels do not run into each other.
  const every = Math.max(1, Math.ceil(bars.length / 8));
  return (
    <figure className="entry-chart" style={{ margin: 0 }}>
      <ol className="entry-chart__bars" aria-label="Admissions per 5-minute slot">
        {bars.map((bar, i) => {
          const time = formatEventTime(bar.slot, timeZone);
          return (
            <li key={bar.slot} className="entry-chart__slot" title={`${time}: ${bar.admitted} admitted`}>
              <span className="entry-chart__count" aria-hidden="true">
                {bar.admitted > 0 ? bar.admitted : ''}
              </span>
              <span className="entry-chart__track" aria-hidden="true">
                <span className="entry-chart__bar" style={{ height: `${(bar.admitted / peak) * 100}%` }} />
              </span>
              <span className="entry-chart__label" aria-hidden="true">
                {i % every === 0 ? time : ''}
              </span>
              <span className="ts-visually-hidden">
                {time}: {bar.admitted} admitted
              </span>
            </li>
          );
        })}
      </ol>
      <figcaption className="ts-muted">
        Admissions per 5 minutes, in the event&apos;s time zone ({timeZone}).
        {cut && ' Showing the last four hours.'}
      </figcaption>
    </figure>
  );
}
