import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PricingService } from '../pricing/pricing.service.js';
import { QuotaService, type SaleTicketType, type StampedTicketType } from '../tickets/quota.service.js';
import { AvailabilityPublisher } from './availability.publisher.js';
import { BEST_AVAILABLE_SPREAD, bestSeatsKey, FREE_SEATS_LIST, pickBestSeats } from './best-available.js';
import { FreeSeatCache } from './free-seat-cache.js';
import { type CandidateSeat, InventoryRepository } from './inventory.repository.js';
import { checkOnSale, isReserved } from './inventory.rules.js';
import type { FastQuote, HoldRequest } from './inventory.types.js';

/**
 * Quotes for the one-round-trip sale (sales_sell_direct): from remembered definitions and short-lived
 * reads, outside any transaction. Anything unusual answers null and the ordinary path decides.
 */
@Injectable()
export class FastQuoteService {
  constructor(
    private readonly repo: InventoryRepository,
    private readonly quota: QuotaService,
    private readonly pricing: PricingService,
    private readonly availability: AvailabilityPublisher,
    private readonly freeSeatCache: FreeSeatCache,
  ) {}

  /**
   * The flash-sale quote: general admission from remembered definitions, no transaction. Null when
   * anything is unusual (unknown or reserved types, a rule refusing): the ordinary path then
   * decides and gives the precise answer. `soldOut` names a type known to be sold out.
   */
  async quoteFast(
    m: EntityManager,
    channel: string,
    eventId: string,
    items: { ticketTypeId: string; quantity: number }[],
  ): Promise<FastQuote | null> {
    const ids = [...new Set(items.map((i) => i.ticketTypeId))];
    const soldOut = ids.find((id) => this.availability.isSoldOut(id));
    const types = await this.quota.definitionsFor(m, ids);
    const now = new Date();
    const wanted = new Map<string, number>();
    for (const i of items) wanted.set(i.ticketTypeId, (wanted.get(i.ticketTypeId) ?? 0) + i.quantity);
    for (const [id, n] of wanted) {
      const t = types.get(id);
      if (!t || t.eventId !== eventId || isReserved(t) || n < t.minPerOrder || n > t.maxPerOrder) return null;
      // Hidden types need their voucher or code: the ordinary path checks it.
      if (t.unlockCodeHash !== null) return null;
      try {
        checkOnSale(t, channel, now);
      } catch {
        return null;
      }
    }
    if (soldOut) return { soldOut, lines: [], counters: [], names: new Map() };
    const lines = items.map((i) => {
      const q = this.pricing.quote(types.get(i.ticketTypeId) as SaleTicketType, now);
      return {
        ticketTypeId: i.ticketTypeId,
        seatId: null,
        quantity: i.quantity,
        unitPrice: q.unitPrice,
        currency: q.currency,
      };
    });
    if (new Set(lines.map((l) => l.currency)).size > 1) return null;
    const counters = [...wanted]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, n]) => ({ id, n, stamp: (types.get(id) as StampedTicketType).stamp }));
    return { soldOut: null, lines, counters, names: new Map([...types.values()].map((t) => [t.id, t.name])) };
  }

  /**
   * Best available for the one-round-trip sale: the type from remembered definitions, the seats
   * picked from the shared short-lived read of the free seats (`attempt` counts the collisions so
   * far). Null when the ordinary path must decide (anything unusual, or not enough seats seen together).
   */
  async quoteFastSeats(
    m: EntityManager,
    channel: string,
    eventId: string,
    want: NonNullable<HoldRequest['bestAvailable']>,
    attempt: number,
  ): Promise<FastQuote | null> {
    const t = (await this.quota.definitionsFor(m, [want.ticketTypeId])).get(want.ticketTypeId);
    const n = want.quantity;
    if (!t || t.eventId !== eventId || !isReserved(t) || n < t.minPerOrder || n > t.maxPerOrder) return null;
    // Hidden types need their voucher or code: the ordinary path checks it.
    if (t.unlockCodeHash !== null) return null;
    const now = new Date();
    try {
      checkOnSale(t, channel, now);
    } catch {
      return null;
    }
    const key = bestSeatsKey(eventId, t.id, want);
    const scope = {
      sectionIds: t.sectionIds,
      zoneId: t.priceZoneId,
      onlySection: want.sectionId,
      onlyZone: want.priceZoneId,
    };
    const read = (exclude: string[]) => this.repo.freeSeats(m, eventId, null, scope, FREE_SEATS_LIST, exclude);
    const choose = (free: CandidateSeat[]) =>
      pickBestSeats(free, n, this.freeSeatCache.spread(key, BEST_AVAILABLE_SPREAD));
    // After one collision the list is known to be behind: a new read starts while this pick uses
    // the list minus what collided; after two, the pick waits for the new read.
    if (attempt === 1) this.freeSeatCache.collided(key);
    let picked = await this.freeSeatCache.take(key, read, choose, attempt >= 2);
    // The list ran short: a new read decides.
    if (picked.length < n && attempt < 2) picked = await this.freeSeatCache.take(key, read, choose, true);
    if (picked.length < n) return null;
    const q = this.pricing.quote(t, now);
    const stamp = (t as StampedTicketType).stamp;
    return {
      soldOut: null,
      lines: picked.map((p) => ({
        ticketTypeId: t.id,
        seatId: p.id,
        quantity: 1,
        unitPrice: q.unitPrice,
        currency: q.currency,
      })),
      counters: [{ id: t.id, n, stamp }],
      names: new Map([[t.id, t.name]]),
      seats: new Map(picked.map((p) => [p.id, { section: p.sectionName ?? '', row: p.row, label: p.label ?? '' }])),
    };
  }

  /** A fast sale found a type sold out (nothing held either): answer the next buyers from memory. */
  markSoldOut(eventId: string, ticketTypeId: string): void {
    this.availability.markSoldOut(eventId, ticketTypeId);
  }

  /** A fast sale found definitions changed since they were read. */
  forgetDefinitions(ids: string[]): void {
    this.quota.forgetDefinitions(ids);
  }
}
