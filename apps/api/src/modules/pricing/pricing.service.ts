import { Injectable } from '@nestjs/common';

export interface PriceQuote {
  unitPrice: number;
  currency: string;
  /** Which rules made the price (empty: the base price). */
  rules: string[];
}

/** The Pricing Engine: the price of a ticket type at a moment. Pure; dynamic rules plug in here. */
@Injectable()
export class PricingService {
  quote(ticketType: { price: number; currency: string }, _at: Date = new Date()): PriceQuote {
    return { unitPrice: ticketType.price, currency: ticketType.currency, rules: [] };
  }
}
