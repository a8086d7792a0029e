import { Button, SeatMapView, TextField, seatLabel, seatsForTicketType, type SeatState } from '@tessera/ui';
import { useMemo, useState } from 'react';
import type { Seat, SeatMap, Section } from './get-seat-map.js';
import type { TicketType } from './list-ticket-types.js';
import type { PickedSeat } from './selection.js';

export interface SeatPickerProps {
  type: TicketType;
  map: SeatMap;
  /** Seats held or sold right now; null when unknown (every seat of the type is shown as free). */
  taken: ReadonlySet<string> | null;
  /** Of the taken seats, those only held: they come back if their buyer does not pay. */
  held: ReadonlySet<string>;
  picked: readonly PickedSeat[];
  onToggle: (seat: PickedSeat) => void;
  onBestAvailable: (quantity: number) => void;
  busy?: boolean;
}

/** Pick seats for one reserved ticket type on the venue's map, or ask for the best available ones. */
export function SeatPicker({ type, map, taken, held, picked, onToggle, onBestAvailable, busy }: SeatPickerProps) {
  const eligible = useMemo(() => seatsForTicketType(map, type), [map, type]);
  const focus = useMemo(() => [...new Set([...eligible.values()].map((s) => s.id))], [eligible]);
  const mine = picked.filter((p) => p.ticketTypeId === type.id);
  const [best, setBest] = useState(String(Math.max(1, type.minPerOrder)));
  const [limitNote, setLimitNote] = useState('');
  const free = [...eligible.keys()].filter((id) => !taken?.has(id)).length;
  const onHold = [...eligible.keys()].filter((id) => held.has(id)).length;
  const bestQuantity = Number(best);
  const bestValid =
    Number.isInteger(bestQuantity) && bestQuantity >= Math.max(1, type.minPerOrder) && bestQuantity <= type.maxPerOrder;

  const stateOf = (seat: Seat): SeatState => {
    const choice = picked.find((p) => p.seatId === seat.id);
    if (choice) return choice.ticketTypeId === type.id ? 'selected' : 'unavailable';
    if (!eligible.has(seat.id)) return 'unavailable';
    return taken?.has(seat.id) ? 'taken' : 'free';
  };

  const onSeat = (seat: Seat, section: Section) => {
    const selected = mine.some((p) => p.seatId === seat.id);
    if (!selected && mine.length >= type.maxPerOrder) {
      setLimitNote(`At most ${type.maxPerOrder} ${type.name} seats per order.`);
      return;
    }
    setLimitNote('');
    onToggle({ seatId: seat.id, ticketTypeId: type.id, label: seatLabel(section, seat) });
  };

  return (
    <section className="ts-stack" aria-label={`Seats for ${type.name}`} style={{ gap: 'var(--space-3)' }}>
      <p className="ts-muted" style={{ margin: 0 }}>
        Click free seats to choose them.{' '}
        <span data-testid={`free-seats-${type.id}`}>
          {taken ? `${free} of ${eligible.size} seats free.` : `${eligible.size} seats.`}
          {onHold > 0 && ` ${onHold} more held by buyers who are paying; they come back if not bought.`}
        </span>
      </p>
      <SeatMapView map={map} stateOf={stateOf} onSeat={onSeat} focusSectionIds={focus} label={`${type.name} seats`} />
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {limitNote ||
          (mine.length > 0 ? `Chosen: ${mine.map((p) => p.label).join(', ')}` : 'No seats chosen for this ticket yet.')}
      </p>
      <form
        className="ts-cluster"
        style={{ alignItems: 'flex-end' }}
        aria-label={`Best available ${type.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (bestValid) onBestAvailable(bestQuantity);
        }}
      >
        <TextField
          label="Number of seats"
          type="number"
          inputMode="numeric"
          min={Math.max(1, type.minPerOrder)}
          max={type.maxPerOrder}
          value={best}
          onChange={(event) => setBest(event.target.value)}
          style={{ width: '7rem' }}
        />
        <Button type="submit" variant="secondary" busy={busy} disabled={!bestValid || type.status !== 'on_sale'}>
          Best available
        </Button>
      </form>
    </section>
  );
}
