import { ErrorBanner, Select, formatEventDateTime, navigate, useAsync } from '@tessera/ui';
import { listSellableEvents } from './list-sellable-events.js';

/** Picks the event to sell for; the choice lives in the URL (`?event=`) so a reload keeps it. */
export function EventPicker({ eventId }: { eventId: string | null }) {
  const events = useAsync((signal) => listSellableEvents(signal), []);
  const options = [
    { value: '', label: events.loading && !events.data ? 'Loading events…' : 'Choose an event…' },
    ...(events.data?.items ?? []).map((e) => ({
      value: e.id,
      label: `${e.name} — ${formatEventDateTime(e.startsAt, e.timezone)}`,
    })),
  ];
  // Keep an event opened by link selectable even when it is not in the first page.
  if (eventId && !options.some((o) => o.value === eventId)) options.push({ value: eventId, label: 'Selected event' });

  return (
    <div className="ts-stack" style={{ gap: 'var(--space-2)' }}>
      <Select
        label="Event"
        options={options}
        value={eventId ?? ''}
        onChange={(event) => navigate(event.target.value ? `/?event=${encodeURIComponent(event.target.value)}` : '/')}
      />
      <ErrorBanner error={events.error} />
    </div>
  );
}
