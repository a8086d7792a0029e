import { useCallback, useEffect, useState } from 'react';

// What the buyer picked on the event page. It is kept in sessionStorage, so it survives the
// detour through sign-in and back.

export interface PickedSeat {
  seatId: string;
  ticketTypeId: string;
  /** "Stalls A-12", as the API labels seats. */
  label: string;
}

export interface Selection {
  /** General admission: quantity per ticket type. */
  quantities: Record<string, number>;
  seats: PickedSeat[];
}

const EMPTY: Selection = { quantities: {}, seats: [] };
const storageKey = (eventId: string) => `tessera.portal.selection.${eventId}`;

function read(eventId: string): Selection {
  try {
    const raw = sessionStorage.getItem(storageKey(eventId));
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<Selection>;
    return { quantities: parsed.quantities ?? {}, seats: Array.isArray(parsed.seats) ? parsed.seats : [] };
  } catch {
    return EMPTY;
  }
}

export interface SelectionState {
  selection: Selection;
  setQuantity: (ticketTypeId: string, quantity: number) => void;
  toggleSeat: (seat: PickedSeat) => void;
  /** Replaces one picked seat by another (a SEAT_TAKEN alternative). */
  swapSeat: (seatId: string, next: PickedSeat) => void;
  dropSeats: (seatIds: readonly string[]) => void;
  clear: () => void;
}

export function useSelection(eventId: string): SelectionState {
  const [selection, setSelection] = useState<Selection>(() => read(eventId));

  useEffect(() => {
    try {
      const empty = selection.seats.length === 0 && Object.values(selection.quantities).every((q) => !q);
      if (empty) sessionStorage.removeItem(storageKey(eventId));
      else sessionStorage.setItem(storageKey(eventId), JSON.stringify(selection));
    } catch {
      // Private browsing without storage: the selection just does not survive a reload.
    }
  }, [eventId, selection]);

  const setQuantity = useCallback(
    (ticketTypeId: string, quantity: number) =>
      setSelection((s) => ({ ...s, quantities: { ...s.quantities, [ticketTypeId]: quantity } })),
    [],
  );
  const toggleSeat = useCallback(
    (seat: PickedSeat) =>
      setSelection((s) => ({
        ...s,
        seats: s.seats.some((p) => p.seatId === seat.seatId)
          ? s.seats.filter((p) => p.seatId !== seat.seatId)
          : [...s.seats, seat],
      })),
    [],
  );
  const swapSeat = useCallback(
    (seatId: string, next: PickedSeat) =>
      setSelection((s) => ({
        ...s,
        seats: [...s.seats.filter((p) => p.seatId !== seatId && p.seatId !== next.seatId), next],
      })),
    [],
  );
  const dropSeats = useCallback(
    (seatIds: readonly string[]) =>
      setSelection((s) => ({ ...s, seats: s.seats.filter((p) => !seatIds.includes(p.seatId)) })),
    [],
  );
  const clear = useCallback(() => {
    // Also forgotten at once: clearing right before leaving the page must not leave it stored.
    try {
      sessionStorage.removeItem(storageKey(eventId));
    } catch {
      // No storage: nothing to forget.
    }
    setSelection(EMPTY);
  }, [eventId]);
  return { selection, setQuantity, toggleSeat, swapSeat, dropSeats, clear };
}
