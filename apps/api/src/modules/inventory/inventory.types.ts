/** What a hold asks for, holds, and is. */
export interface HoldRequest {
  eventId: string;
  items?: { ticketTypeId: string; quantity: number }[];
  seats?: { seatId: string; ticketTypeId: string }[];
  bestAvailable?: { ticketTypeId: string; quantity: number; sectionId?: string; priceZoneId?: string };
  channel?: 'web' | 'mobile' | 'box_office';
  /** Promo codes, vouchers or unlock codes (only stackable promo codes combine). */
  promoCode?: string;
  promoCodes?: string[];
}

export interface HoldLine {
  ticketTypeId: string;
  seatId: string | null;
  quantity: number;
  unitPrice: number;
  currency: string;
}

export interface HeldInventory {
  id: string;
  eventId: string;
  status: string;
  userId: string | null;
  apiClientId: string | null;
  channel: string;
  expiresAt: Date;
  extensions: number;
  /** Promo codes whose discounts the locked prices include; redeemed when the hold is bought. */
  promoCodeIds: string[];
  items: HoldLine[];
}

/** A flash-sale quote: the lines, the counters to sell (sorted by id, with definition stamps), or a type known sold out. */
export interface FastQuote {
  soldOut: string | null;
  lines: HoldLine[];
  counters: { id: string; n: number; stamp: string }[];
  names: Map<string, string>;
  /** Best available: the seats picked (by id), to name them in the answer. */
  seats?: Map<string, { section: string; row: string; label: string }>;
}
