import {
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  applyAvailability,
  formatEventDateTime,
  useAsync,
  useLiveAvailability,
} from '@tessera/ui';
import { useMemo } from 'react';
import { api } from '../../lib/api.js';
import { CounterSale } from './CounterSale.js';
import { EventPicker } from './EventPicker.js';
import { getEvent } from './get-event.js';
import { listTicketTypes } from './list-ticket-types.js';
import { TicketTypeTable } from './TicketTypeTable.js';

function SelectedEvent({ eventId }: { eventId: string }) {
  const event = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  const types = useAsync((signal) => listTicketTypes(eventId, signal), [eventId]);
  const live = useLiveAvailability(api, eventId);
  const liveTypes = useMemo(
    () => (types.data ? applyAvailability(types.data.items, live.availability) : []),
    [types.data, live.availability],
  );
  const counterTypes = useMemo(() => liveTypes.filter((t) => t.channels.includes('box_office')), [liveTypes]);
  const taken = useMemo(() => (live.availability ? new Set(live.availability.takenSeats) : null), [live.availability]);
  const { refresh } = live;
  const { reload } = types;

  if (event.error) return <ErrorBanner error={event.error} title="This event could not be loaded" />;
  if (!event.data) return <Loading>Loading the event…</Loading>;
  const e = event.data;
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
      <div>
        <h2 style={{ marginBottom: 'var(--space-1)' }}>{e.name}</h2>
        <p className="ts-muted" style={{ margin: 0 }}>
          {formatEventDateTime(e.startsAt, e.timezone)}
          {e.venue && ` · ${e.venue.name}`}
        </p>
      </div>
      <ErrorBanner error={types.error} title="Ticket types could not be loaded" />
      {types.loading && !types.data ? (
        <Loading>Loading ticket types…</Loading>
      ) : (
        types.data && (
          <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
            <TicketTypeTable types={liveTypes} />
            {e.status === 'on_sale' ? (
              <CounterSale
                event={e}
                types={counterTypes}
                taken={taken}
                onStockChanged={() => {
                  refresh();
                  reload();
                }}
              />
            ) : (
              <p className="ts-alert ts-alert--info">
                This event is not on sale, so nothing can be sold at the counter.
              </p>
            )}
          </div>
        )
      )}
    </div>
  );
}

export function SellPage({ eventId }: { eventId: string | null }) {
  return (
    <>
      <PageHeader title="Sell" description="Pick the event, then sell at the counter." />
      <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
        <div style={{ maxWidth: '40rem' }}>
          <EventPicker eventId={eventId} />
        </div>
        {eventId ? (
          <SelectedEvent key={eventId} eventId={eventId} />
        ) : (
          <EmptyState title="No event selected">Choose an event above, or open one from Events.</EmptyState>
        )}
      </div>
    </>
  );
}
