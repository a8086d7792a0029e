import type { Schemas } from '@tessera/api-client';
import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  formatMoney,
  humanize,
  useAsync,
  type BadgeTone,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { useAction } from '../../lib/use-action.js';
import { deleteTicketType } from './delete-ticket-type.js';
import { getVenueSeating, type VenueSeating } from './get-venue-seating.js';
import { listTicketTypes, type SalesChannel, type TicketType } from './list-ticket-types.js';
import { TicketTypeForm } from './TicketTypeForm.js';

type EventDto = Schemas['EventDto'];

const STATUS_TONES: Record<TicketType['status'], BadgeTone> = {
  on_sale: 'success',
  sold_out: 'danger',
  not_yet_on_sale: 'info',
  sales_ended: 'neutral',
};

const CHANNEL_LABELS: Record<SalesChannel, string> = { web: 'Web', box_office: 'Box office', vendor: 'Vendors' };

function seatingLabel(type: TicketType, seating: VenueSeating | null): string {
  if (type.kind === 'general_admission') return 'General admission';
  const zone = seating?.zones.find((z) => z.id === type.priceZoneId)?.name;
  const sections = type.sectionIds.map((id) => seating?.sections.find((s) => s.id === id)?.name ?? 'a section');
  return ['Reserved', zone, ...sections].filter(Boolean).join(' · ');
}

function quantity(type: TicketType): string {
  const available = type.available === null ? 'no limit' : `${type.available.toLocaleString()} available`;
  return type.capacity === null ? available : `${type.capacity.toLocaleString()} · ${available}`;
}

/** The ticket types of an event: a table, and a form to add, edit or delete them. */
export function TicketTypesPanel({ event }: { event: EventDto }) {
  const types = useAsync((signal) => listTicketTypes(event.id, signal), [event.id]);
  const venueId = event.venue?.id ?? null;
  const seating = useAsync((signal) => (venueId ? getVenueSeating(venueId, signal) : Promise.resolve(null)), [venueId]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useAction();
  const locked = event.status === 'canceled' || event.status === 'completed';
  const items = types.data?.items ?? [];
  const editingType = items.find((t) => t.id === editing);

  const saved = (type: TicketType, created: boolean) => {
    setEditing(null);
    setNotice(created ? `Added ${type.name}.` : `Saved ${type.name}.`);
    types.reload();
  };

  const confirmDelete = (type: TicketType) =>
    void remove.run(async () => {
      await deleteTicketType(type.id);
      setDeleting(null);
      setNotice(`Deleted ${type.name}.`);
      types.reload();
    });

  const columns: Column<TicketType>[] = [
    {
      key: 'name',
      header: 'Ticket type',
      rowHeader: true,
      render: (t) => (
        <>
          {t.name} {t.hidden && <Badge tone="warning">Hidden</Badge>}
        </>
      ),
    },
    { key: 'kind', header: 'Seating', render: (t) => seatingLabel(t, seating.data ?? null) },
    {
      key: 'price',
      header: 'Price',
      align: 'end',
      render: (t) =>
        t.price === t.basePrice
          ? formatMoney(t.price, t.currency)
          : `${formatMoney(t.price, t.currency)} (base ${formatMoney(t.basePrice, t.currency)})`,
    },
    { key: 'quantity', header: 'Capacity', render: quantity },
    {
      key: 'status',
      header: 'Status',
      render: (t) => <Badge tone={STATUS_TONES[t.status]}>{humanize(t.status)}</Badge>,
    },
    { key: 'channels', header: 'Channels', render: (t) => t.channels.map((c) => CHANNEL_LABELS[c]).join(', ') },
    {
      key: 'actions',
      header: <span className="ts-visually-hidden">Actions</span>,
      align: 'end',
      render: (t) =>
        deleting === t.id ? (
          <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
            <Button variant="danger" size="sm" busy={remove.busy} onClick={() => confirmDelete(t)}>
              Delete {t.name}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setDeleting(null)}>
              Keep
            </Button>
          </span>
        ) : (
          <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
            <ButtonLink
              variant="ghost"
              size="sm"
              to={`/events/${event.id}/pricing?type=${t.id}`}
              aria-label={`Pricing of ${t.name}`}
            >
              Pricing
            </ButtonLink>
            <Button
              variant="secondary"
              size="sm"
              disabled={locked}
              aria-label={`Edit ${t.name}`}
              onClick={() => setEditing(t.id)}
            >
              Edit
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={locked}
              aria-label={`Delete ${t.name}`}
              onClick={() => setDeleting(t.id)}
            >
              Delete
            </Button>
          </span>
        ),
    },
  ];

  return (
    <section className="ts-stack" aria-labelledby="ticket-types-title">
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="ticket-types-title" style={{ margin: 0 }}>
          Ticket types
        </h2>
        {!locked && editing !== 'new' && (
          <Button
            onClick={() => {
              setEditing('new');
              setNotice('');
            }}
          >
            Add ticket type
          </Button>
        )}
      </div>
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {notice}
      </p>
      <ErrorBanner error={types.error} title="The ticket types could not be loaded" />
      <ErrorBanner error={seating.error} title="The venue's seat map could not be loaded" />
      <ErrorBanner error={remove.error} title="The ticket type was not deleted" />
      {(editing === 'new' || editingType) && !seating.loading && (
        <TicketTypeForm
          key={editing}
          eventId={event.id}
          timeZone={event.timezone}
          seating={seating.data ?? null}
          type={editingType}
          defaultCurrency={items[0]?.currency ?? 'EUR'}
          onSaved={(t) => saved(t, editing === 'new')}
          onCancel={() => setEditing(null)}
        />
      )}
      {types.loading && !types.data ? (
        <Loading>Loading ticket types…</Loading>
      ) : (
        types.data && (
          <DataTable
            caption="Ticket types"
            columns={columns}
            rows={items}
            rowKey={(t) => t.id}
            busy={types.loading}
            empty={
              <EmptyState title="No ticket types yet">
                Add at least one before publishing; general admission needs a capacity, reserved seating a zone or
                sections of the venue.
              </EmptyState>
            }
          />
        )
      )}
    </section>
  );
}
