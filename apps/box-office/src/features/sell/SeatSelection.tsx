import {
  Button,
  ErrorBanner,
  Loading,
  SeatMapView,
  Select,
  TextField,
  formatMoney,
  seatLabel,
  seatsForTicketType,
  useAsync,
  type SeatState,
} from '@tessera/ui';
import { useMemo, useState } from 'react';
import type { Cart, CartSeat } from './cart.js';
import { getSeatMap, type Seat, type Section } from './get-seat-map.js';
import type { TicketType } from './list-ticket-types.js';

export interface SeatSelectionProps {
  venueId: string;
  /** The reserved ticket types on sale here. */
  types: readonly TicketType[];
  /** Seats held or sold right now; null when unknown. */
  taken: ReadonlySet<string> | null;
  cart: Cart;
  onToggleSeat: (seat: CartSeat) => void;
  onBest: (best: Cart['best']) => void;
}

/** Reserved seats: click them on the map, or ask for the best available ones when the sale completes. */
export function SeatSelection({ venueId, types, taken, cart, onToggleSeat, onBest }: SeatSelectionProps) {
  const map = useAsync((signal) => getSeatMap(venueId, signal), [venueId]);
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [bestCount, setBestCount] = useState('1');
  const type = types.find((t) => t.id === typeId) ?? types[0];
  const eligible = useMemo(() => (map.data && type ? seatsForTicketType(map.data, type) : new Map()), [map.data, type]);
  const focus = useMemo(() => [...new Set([...eligible.values()].map((s: Section) => s.id))], [eligible]);
  if (!type) return null;

  const stateOf = (seat: Seat): SeatState => {
    const inCart = cart.seats.find((s) => s.seatId === seat.id);
    if (inCart) return inCart.ticketTypeId === type.id ? 'selected' : 'unavailable';
    if (!eligible.has(seat.id)) return 'unavailable';
    return taken?.has(seat.id) ? 'taken' : 'free';
  };
  const best = Number(bestCount);
  const bestValid = Number.isInteger(best) && best >= Math.max(1, type.minPerOrder) && best <= type.maxPerOrder;

  return (
    <section className="ts-card ts-stack" aria-labelledby="seats-title" style={{ gap: 'var(--space-3)' }}>
      <h3 id="seats-title" style={{ margin: 0 }}>
        Reserved seats
      </h3>
      {types.length > 1 && (
        <Select
          label="Sell seats as"
          value={type.id}
          onChange={(event) => setTypeId(event.target.value)}
          options={types.map((t) => ({ value: t.id, label: `${t.name} · ${formatMoney(t.price, t.currency)}` }))}
        />
      )}
      <p className="ts-muted" style={{ margin: 0 }}>
        {type.name} · {formatMoney(type.price, type.currency)} · click free seats to add them to the sale.
      </p>
      <ErrorBanner error={map.error} title="The seat map could not be loaded" />
      {map.data ? (
        <SeatMapView
          map={map.data}
          stateOf={stateOf}
          focusSectionIds={focus}
          label={`${type.name} seats`}
          onSeat={(seat, section) =>
            onToggleSeat({ seatId: seat.id, ticketTypeId: type.id, label: seatLabel(section, seat) })
          }
        />
      ) : (
        !map.error && <Loading>Loading the seat map…</Loading>
      )}
      <form
        className="ts-cluster"
        style={{ alignItems: 'flex-end' }}
        aria-label="Best available"
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          if (bestValid) onBest({ ticketTypeId: type.id, quantity: best });
        }}
      >
        <TextField
          label="Best available seats"
          type="number"
          inputMode="numeric"
          min={1}
          max={type.maxPerOrder}
          value={bestCount}
          onChange={(event) => setBestCount(event.target.value)}
          style={{ width: '7rem' }}
        />
        <Button type="submit" variant="secondary" disabled={!bestValid || type.status !== 'on_sale'}>
          Add best available
        </Button>
        {cart.best && (
          <Button variant="ghost" onClick={() => onBest(null)}>
            Remove best available
          </Button>
        )}
      </form>
    </section>
  );
}
