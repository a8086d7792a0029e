import type { Schemas } from '@tessera/api-client';
import type { TicketType } from './list-ticket-types.js';

// The sale being rung up at the counter: general-admission quantities, picked seats and an
// optional "best available" request, priced from the ticket types' current prices.

export type PurchaseRequest = Schemas['PurchaseRequestDto'];
export type CounterMethod = 'cash' | 'card_terminal';

export interface CartSeat {
  seatId: string;
  ticketTypeId: string;
  /** "Stalls A-12", as the API labels seats. */
  label: string;
}

export interface Cart {
  quantities: Record<string, number>;
  seats: CartSeat[];
  best: { ticketTypeId: string; quantity: number } | null;
}

export const EMPTY_CART: Cart = { quantities: {}, seats: [], best: null };

export function cartCount(cart: Cart): number {
  const ga = Object.values(cart.quantities).reduce((n, q) => n + q, 0);
  return ga + cart.seats.length + (cart.best?.quantity ?? 0);
}

export function cartTotal(cart: Cart, types: readonly TicketType[]): number {
  const price = new Map(types.map((t) => [t.id, t.price]));
  let total = 0;
  for (const [id, quantity] of Object.entries(cart.quantities)) total += (price.get(id) ?? 0) * quantity;
  for (const seat of cart.seats) total += price.get(seat.ticketTypeId) ?? 0;
  if (cart.best) total += (price.get(cart.best.ticketTypeId) ?? 0) * cart.best.quantity;
  return total;
}

export interface Buyer {
  email: string;
  name: string;
}

/** The purchase request of a counter sale: straight from the cart, no hold, channel box_office. */
export function saleRequest(
  eventId: string,
  cart: Cart,
  method: CounterMethod,
  buyer: Buyer,
  expectedTotal: number,
): PurchaseRequest {
  const items = Object.entries(cart.quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
  const email = buyer.email.trim();
  const name = buyer.name.trim();
  return {
    eventId,
    ...(items.length > 0 ? { items } : {}),
    ...(cart.seats.length > 0
      ? { seats: cart.seats.map(({ seatId, ticketTypeId }) => ({ seatId, ticketTypeId })) }
      : {}),
    ...(cart.best ? { bestAvailable: cart.best } : {}),
    ...(email || name ? { buyer: { ...(email ? { email } : {}), ...(name ? { name } : {}) } } : {}),
    channel: 'box_office',
    payment: { method },
    expectedTotal,
  };
}
