import {
  Button,
  ErrorBanner,
  Loading,
  QuantityStepper,
  formatMoney,
  isProblem,
  navigate,
  seatTakenDetails,
  useAsync,
  useSession,
  withQuery,
  type AvailabilitySource,
} from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';
import { createHold, type HoldRequest } from './create-hold.js';
import { getSeatMap } from './get-seat-map.js';
import type { EventSummary } from './list-events.js';
import type { TicketType } from './list-ticket-types.js';
import { PriceDetails } from './PriceDetails.js';
import { quotePrices } from './quote-prices.js';
import { SeatPicker } from './SeatPicker.js';
import { SeatTakenNotice } from './SeatTakenNotice.js';
import { useSelection } from './selection.js';
import { TicketTypeList } from './TicketTypeList.js';

export interface TicketsSectionProps {
  event: EventSummary;
  /** The ticket types with their live numbers. */
  types: readonly TicketType[];
  taken: ReadonlySet<string> | null;
  /** Of the taken seats, those only held (they may come back on sale). */
  held: ReadonlySet<string>;
  source: AvailabilitySource;
  /** Asks for fresh availability (after a sold-out or taken answer). */
  refresh: () => void;
  /** A promo code, voucher or unlock code the buyer entered. */
  promoCode?: string;
}

const SOURCE_NOTES: Record<AvailabilitySource, string> = {
  connecting: 'Checking availability…',
  live: 'Availability updates live.',
  polling: 'Availability refreshes every few seconds.',
  unavailable: 'Live availability is not available; your choice is checked when you continue.',
};

/** The ticket types with their quantity steppers and seat pickers, and the "Continue" that holds the choice. */
export function TicketsSection({ event, types, taken, held, source, refresh, promoCode = '' }: TicketsSectionProps) {
  const { status, user } = useSession();
  const { selection, setQuantity, toggleSeat, swapSeat, dropSeats, clear } = useSelection(event.id);
  const [openType, setOpenType] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const onSale = event.status === 'on_sale';
  const hasReserved = types.some((t) => t.kind === 'reserved');
  const venueId = event.venue?.id ?? null;
  const map = useAsync(
    (signal) => (hasReserved && venueId ? getSeatMap(venueId, signal) : Promise.resolve(null)),
    [hasReserved, venueId],
  );

  // A chosen seat that someone else holds now leaves the choice.
  useEffect(() => {
    if (!taken) return;
    const gone = selection.seats.filter((p) => taken.has(p.seatId));
    if (gone.length === 0) return;
    dropSeats(gone.map((p) => p.seatId));
    setNotice(
      `${gone.map((p) => p.label).join(', ')} ${gone.length === 1 ? 'was' : 'were'} just taken by someone else.`,
    );
  }, [taken, selection.seats, dropSeats]);

  const byId = new Map(types.map((t) => [t.id, t]));
  const items = Object.entries(selection.quantities)
    .filter(([id, quantity]) => quantity > 0 && byId.get(id)?.kind === 'general_admission')
    .map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
  const seats = selection.seats.filter((p) => byId.has(p.ticketTypeId));
  const total =
    items.reduce((sum, i) => sum + (byId.get(i.ticketTypeId)?.price ?? 0) * i.quantity, 0) +
    seats.reduce((sum, p) => sum + (byId.get(p.ticketTypeId)?.price ?? 0), 0);
  const currency = types[0]?.currency ?? 'EUR';
  const count = items.reduce((n, i) => n + i.quantity, 0) + seats.length;

  // Prices change live (demand, time): say so when one the buyer sees moves.
  const seen = useRef(new Map<string, number>());
  useEffect(() => {
    const moved = types.filter((t) => seen.current.has(t.id) && seen.current.get(t.id) !== t.price);
    for (const t of types) seen.current.set(t.id, t.price);
    if (moved.length) setNotice(moved.map((t) => `${t.name} is now ${formatMoney(t.price, t.currency)}.`).join(' '));
  }, [types]);

  // The quote: current prices with the code, and why (it also checks the code before anything is held).
  const quoteItems = [
    ...items,
    ...Object.entries(
      seats.reduce<Record<string, number>>(
        (acc, p) => ({ ...acc, [p.ticketTypeId]: (acc[p.ticketTypeId] ?? 0) + 1 }),
        {},
      ),
    ).map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity })),
  ];
  const priceKey = types.map((t) => `${t.id}:${t.price}`).join();
  const quote = useAsync(
    (signal) =>
      onSale && quoteItems.length > 0
        ? quotePrices({ eventId: event.id, items: quoteItems, ...(promoCode ? { promoCode } : {}) }, signal)
        : Promise.resolve(null),
    [event.id, JSON.stringify(quoteItems), promoCode, priceKey, onSale],
  );
  const codeRefused = Boolean(promoCode) && quote.error !== null && quote.error !== undefined;
  const shownTotal = quote.data && !quote.loading ? quote.data.total : total;

  const hold = async (bestAvailable?: HoldRequest['bestAvailable']) => {
    if (!user) {
      navigate(withQuery('/sign-in', { next: `/events/${event.id}` }));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const held = await createHold({
        eventId: event.id,
        ...(items.length > 0 ? { items } : {}),
        ...(seats.length > 0 ? { seats: seats.map(({ seatId, ticketTypeId }) => ({ seatId, ticketTypeId })) } : {}),
        ...(bestAvailable ? { bestAvailable } : {}),
        ...(promoCode && !codeRefused ? { promoCode } : {}),
      });
      clear();
      navigate(`/checkout/${held.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
      if (isProblem(e, 'SOLD_OUT') || isProblem(e, 'SEAT_TAKEN')) refresh();
    }
  };

  const controls = (type: TicketType) => {
    if (!onSale) return null;
    if (type.kind === 'reserved') {
      const open = openType === type.id;
      return (
        <Button
          variant={open ? 'primary' : 'secondary'}
          aria-expanded={open}
          disabled={!venueId || type.status !== 'on_sale'}
          onClick={() => setOpenType(open ? null : type.id)}
        >
          {open ? 'Hide seats' : 'Choose seats'}
          <span className="ts-visually-hidden"> for {type.name}</span>
        </Button>
      );
    }
    const max = Math.min(type.maxPerOrder, type.available ?? type.maxPerOrder);
    return (
      <QuantityStepper
        name={type.name}
        value={selection.quantities[type.id] ?? 0}
        min={type.minPerOrder}
        max={Math.max(0, max)}
        disabled={type.status !== 'on_sale'}
        onChange={(quantity) => setQuantity(type.id, quantity)}
      />
    );
  };

  const details = (type: TicketType) => {
    if (!onSale || openType !== type.id) return null;
    if (map.error) return <ErrorBanner error={map.error} title="The seat map could not be loaded" />;
    if (!map.data) return <Loading>Loading the seat map…</Loading>;
    return (
      <div style={{ marginTop: 'var(--space-4)' }}>
        <SeatPicker
          type={type}
          map={map.data}
          taken={taken}
          held={held}
          picked={seats}
          onToggle={toggleSeat}
          busy={busy}
          onBestAvailable={(quantity) => void hold({ ticketTypeId: type.id, quantity })}
        />
      </div>
    );
  };

  const seatTaken = seatTakenDetails(error);
  const takenSeat = seatTaken?.seats.map((s) => seats.find((p) => p.seatId === s.seatId)).find(Boolean);
  return (
    <>
      {onSale && (
        <p className="ts-muted" style={{ margin: 0 }} data-testid="availability-source">
          {SOURCE_NOTES[source]}
        </p>
      )}
      <TicketTypeList types={types} renderControls={controls} renderDetails={details} />
      {onSale && types.length > 0 && (
        <section className="ts-card ts-stack" aria-label="Your choice" style={{ gap: 'var(--space-3)' }}>
          <p role="status" style={{ margin: 0 }}>
            {notice}
          </p>
          {seatTaken ? (
            <SeatTakenNotice
              details={seatTaken}
              onTake={
                takenSeat
                  ? (alternative) => {
                      swapSeat(takenSeat.seatId, {
                        seatId: alternative.seatId,
                        ticketTypeId: takenSeat.ticketTypeId,
                        label: alternative.label ?? 'Seat',
                      });
                      setError(null);
                    }
                  : undefined
              }
            />
          ) : (
            <ErrorBanner error={error} title="Your tickets could not be held" />
          )}
          <div className="ts-total">
            <span data-testid="selection-count">
              {count === 0 ? 'No tickets chosen' : `${count} ${count === 1 ? 'ticket' : 'tickets'}`}
            </span>
            <span data-testid="selection-total">{formatMoney(shownTotal, currency)}</span>
          </div>
          {codeRefused && <ErrorBanner error={quote.error} title="Your code cannot be used for these tickets" />}
          {quote.data && quote.data.promoCodes.length > 0 && (
            <p className="ts-muted" style={{ margin: 0 }} data-testid="promo-applied">
              Code {quote.data.promoCodes.map((p) => p.code).join(', ')} applied.
            </p>
          )}
          {quote.data && <PriceDetails quote={quote.data} />}
          <div className="ts-cluster" style={{ alignItems: 'center' }}>
            <Button size="lg" busy={busy} disabled={count === 0 || status === 'restoring'} onClick={() => void hold()}>
              Continue
            </Button>
            {count > 0 && (
              <Button variant="ghost" onClick={clear}>
                Clear choice
              </Button>
            )}
            {!user && status !== 'restoring' && (
              <p className="ts-muted" style={{ margin: 0 }}>
                You sign in before paying; your choice is kept.
              </p>
            )}
          </div>
        </section>
      )}
    </>
  );
}
