import type { Schemas } from '@tessera/api-client';
import {
  Button,
  ErrorBanner,
  changedTotal,
  formatMoney,
  isProblem,
  parseMoney,
  seatTakenDetails,
  useIdempotentSubmit,
} from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';
import {
  EMPTY_CART,
  cartCount,
  cartTotal,
  saleRequest,
  type Buyer,
  type Cart,
  type CartSeat,
  type CounterMethod,
} from './cart.js';
import { GaLines } from './GaLines.js';
import type { TicketType } from './list-ticket-types.js';
import { PaymentPanel } from './PaymentPanel.js';
import { Receipt, type Purchase } from './Receipt.js';
import { SeatSelection } from './SeatSelection.js';
import { SeatTakenAlert } from './SeatTakenAlert.js';
import { sellTickets } from './sell-tickets.js';

export interface CounterSaleProps {
  event: Schemas['EventDto'];
  /** The types sold at the counter, with their live numbers. */
  types: readonly TicketType[];
  taken: ReadonlySet<string> | null;
  /** Stock changed (a sale, or a conflict): refresh the numbers. */
  onStockChanged: () => void;
}

const NO_BUYER: Buyer = { email: '', name: '' };

/** Enter in these does its own thing (a button press, a form submit); elsewhere it completes the sale. */
function handlesEnter(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.form !== null;
  return !!target.closest('button, a, select, textarea, [role="button"], [contenteditable="true"]');
}

/** The counter sale: general admission by the number, seats on the map, cash or card, then a receipt. */
export function CounterSale({ event, types, taken, onStockChanged }: CounterSaleProps) {
  const [cart, setCart] = useState<Cart>(EMPTY_CART);
  const [method, setMethod] = useState<CounterMethod>('cash');
  const [tendered, setTendered] = useState('');
  const [buyer, setBuyer] = useState<Buyer>(NO_BUYER);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ purchase: Purchase; cash: { tendered: number; change: number } | null } | null>(
    null,
  );
  const submit = useIdempotentSubmit();
  const ga = types.filter((t) => t.kind === 'general_admission');
  const reserved = types.filter((t) => t.kind === 'reserved');
  const total = cartTotal(cart, types);
  const count = cartCount(cart);
  const currency = types[0]?.currency ?? 'EUR';
  const names = new Map(types.map((t) => [t.id, t.name]));

  const clear = () => {
    setCart(EMPTY_CART);
    setTendered('');
    setBuyer(NO_BUYER);
    setError(null);
  };
  const newSale = () => {
    clear();
    setDone(null);
    setMethod('cash');
  };

  const complete = async () => {
    if (count === 0 || busy) return;
    const body = saleRequest(event.id, cart, method, buyer, total);
    setBusy(true);
    setError(null);
    try {
      const purchase = await submit(body, (key) => sellTickets(body, key));
      const given = method === 'cash' ? (parseMoney(tendered, currency) ?? purchase.total) : 0;
      setDone({ purchase, cash: method === 'cash' ? { tendered: given, change: given - purchase.total } : null });
      onStockChanged();
    } catch (e) {
      setError(e);
      if (['SEAT_TAKEN', 'SOLD_OUT', 'PRICE_CHANGED'].some((code) => isProblem(e, code))) onStockChanged();
    } finally {
      setBusy(false);
    }
  };

  // Escape clears the sale (or, on a receipt, starts the next); Enter outside a control completes it.
  const keys = useRef({ done, clear, newSale, complete });
  keys.current = { done, clear, newSale, complete };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const k = keys.current;
      if (e.key === 'Escape') {
        if (k.done) k.newSale();
        else k.clear();
      } else if (e.key === 'Enter' && !k.done && !handlesEnter(e.target)) {
        e.preventDefault();
        void k.complete();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (done) return <Receipt purchase={done.purchase} cash={done.cash} onNewSale={newSale} />;

  const toggleSeat = (seat: CartSeat) =>
    setCart((c) => ({
      ...c,
      seats: c.seats.some((s) => s.seatId === seat.seatId)
        ? c.seats.filter((s) => s.seatId !== seat.seatId)
        : [...c.seats, seat],
    }));
  const seatTaken = seatTakenDetails(error);
  const takenInCart = seatTaken?.seats.map((s) => cart.seats.find((c) => c.seatId === s.seatId)).find(Boolean);
  const newTotal = changedTotal(error);

  return (
    <div className="ts-cluster" style={{ alignItems: 'flex-start', gap: 'var(--space-5)' }}>
      <div className="ts-stack" style={{ flex: '2 1 30rem', minWidth: 0, gap: 'var(--space-4)' }}>
        {ga.length > 0 && (
          <section className="ts-card" aria-labelledby="ga-title">
            <h3 id="ga-title">General admission</h3>
            <GaLines
              types={ga}
              quantities={cart.quantities}
              onChange={(id, quantity) => setCart((c) => ({ ...c, quantities: { ...c.quantities, [id]: quantity } }))}
            />
          </section>
        )}
        {reserved.length > 0 && event.venue && (
          <SeatSelection
            venueId={event.venue.id}
            types={reserved}
            taken={taken}
            cart={cart}
            onToggleSeat={toggleSeat}
            onBest={(best) => setCart((c) => ({ ...c, best }))}
          />
        )}
        {(cart.seats.length > 0 || cart.best) && (
          <section className="ts-card" aria-labelledby="seats-in-sale-title">
            <h3 id="seats-in-sale-title">Seats in this sale</h3>
            <ul className="ts-lines">
              {cart.seats.map((seat) => (
                <li key={seat.seatId}>
                  <span>
                    <strong>{seat.label}</strong> · {names.get(seat.ticketTypeId)}
                  </span>
                  <Button variant="ghost" size="sm" onClick={() => toggleSeat(seat)}>
                    Remove<span className="ts-visually-hidden"> {seat.label}</span>
                  </Button>
                </li>
              ))}
              {cart.best && (
                <li>
                  <span>
                    <strong>
                      Best available {cart.best.quantity} × {names.get(cart.best.ticketTypeId)}
                    </strong>{' '}
                    <span className="ts-muted">(seats chosen when the sale completes)</span>
                  </span>
                  <Button variant="ghost" size="sm" onClick={() => setCart((c) => ({ ...c, best: null }))}>
                    Remove
                  </Button>
                </li>
              )}
            </ul>
          </section>
        )}
      </div>
      <div className="ts-stack" style={{ flex: '1 1 20rem', minWidth: 0, gap: 'var(--space-3)' }}>
        {seatTaken ? (
          <SeatTakenAlert
            details={seatTaken}
            onTake={
              takenInCart
                ? (alternative) => {
                    setCart((c) => ({
                      ...c,
                      seats: [
                        ...c.seats.filter((s) => s.seatId !== takenInCart.seatId),
                        { ...takenInCart, seatId: alternative.seatId, label: alternative.label ?? 'Seat' },
                      ],
                    }));
                    setError(null);
                  }
                : undefined
            }
          />
        ) : newTotal !== null ? (
          <div className="ts-alert ts-alert--warning" role="alert">
            <p className="ts-alert__title">The price changed</p>
            <p>
              The total is now {formatMoney(newTotal, currency)}. Check the amount with the buyer and complete again.
            </p>
          </div>
        ) : (
          <ErrorBanner error={error} title="The sale did not go through" />
        )}
        <PaymentPanel
          total={total}
          currency={currency}
          count={count}
          method={method}
          onMethod={setMethod}
          tendered={tendered}
          onTendered={setTendered}
          buyer={buyer}
          onBuyer={setBuyer}
          busy={busy}
          onComplete={() => void complete()}
        />
        {count > 0 && (
          <Button variant="secondary" onClick={clear}>
            Clear sale
          </Button>
        )}
      </div>
    </div>
  );
}
