import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import type { EventFacts } from '../events/events.service.js';
import { PricingService, type SalePromo } from '../pricing/pricing.service.js';
import { QuotaService, type SaleTicketType } from '../tickets/quota.service.js';
import {
  BEST_AVAILABLE_ATTEMPTS,
  BEST_AVAILABLE_SPREAD,
  BEST_AVAILABLE_WINDOW,
  bestSeatsKey,
  nearestAlternatives,
  pickBestSeats,
} from './best-available.js';
import { FreeSeatCache } from './free-seat-cache.js';
import { type CandidateSeat, InventoryRepository } from './inventory.repository.js';
import { isReserved } from './inventory.rules.js';
import type { HoldLine, HoldRequest } from './inventory.types.js';

const lockKey = (...parts: string[]) => parts.join(':');

/** The Seat Manager's part of a hold: reserved seats, chosen or best available, in the hold's transaction. */
@Injectable()
export class SeatHoldsService {
  constructor(
    private readonly repo: InventoryRepository,
    private readonly quota: QuotaService,
    private readonly pricing: PricingService,
    private readonly freeSeatCache: FreeSeatCache,
  ) {}

  /** Chosen seats: the primary key of event_seats decides; a taken seat is 409 SEAT_TAKEN with the nearest free ones. */
  async holdChosen(
    m: EntityManager,
    event: EventFacts,
    holdId: string,
    seats: { seatId: string; ticketTypeId: string }[],
    types: Map<string, SaleTicketType>,
    lines: HoldLine[],
    now: Date,
    deferred?: Map<string, number>,
    promos: SalePromo[] = [],
  ): Promise<void> {
    if (!event.venueId) throw new DomainError('unprocessable', 'SEAT_NOT_FOUND', 'This event has no seat map.');
    if (new Set(seats.map((s) => s.seatId)).size !== seats.length) {
      throw new DomainError('bad_request', 'DUPLICATE_SEAT', 'A seat is listed twice.');
    }
    const byType = new Map<string, string[]>();
    for (const s of seats) byType.set(s.ticketTypeId, [...(byType.get(s.ticketTypeId) ?? []), s.seatId]);
    for (const [typeId, ids] of byType) {
      const t = types.get(typeId) as SaleTicketType;
      if (!isReserved(t))
        throw new DomainError('unprocessable', 'NOT_RESERVED', `${t.name} is general admission: give a quantity.`);
      const found = await this.repo.seatsInScope(m, event.venueId, ids, {
        sectionIds: t.sectionIds,
        zoneId: t.priceZoneId,
      });
      if (found.length !== ids.length || found.some((s) => s.heldBack)) {
        throw new DomainError('unprocessable', 'SEAT_NOT_FOR_SALE', `A seat is not sold as ${t.name}.`);
      }
    }
    const got = new Set(await this.repo.takeSeats(m, event.id, holdId, seats));
    const taken = seats.filter((s) => !got.has(s.seatId));
    if (taken.length) {
      const t = types.get(taken[0].ticketTypeId) as SaleTicketType;
      const free = await this.repo.freeSeats(m, event.id, event.venueId, {
        sectionIds: t.sectionIds,
        zoneId: t.priceZoneId,
      });
      const wanted = await this.repo.seatsInScope(
        m,
        event.venueId,
        taken.map((s) => s.seatId),
        { sectionIds: [], zoneId: null },
      );
      const alternatives = nearestAlternatives(free, wanted, Math.max(5, seats.length));
      const labels = await this.repo.seatLabels(m, [...taken.map((s) => s.seatId), ...alternatives.map((a) => a.id)]);
      throw new DomainError(
        'conflict',
        'SEAT_TAKEN',
        `Taken already: ${taken.map((s) => labels.get(s.seatId)).join(', ')}.`,
        {
          seats: taken.map((s) => ({ seatId: s.seatId, label: labels.get(s.seatId) ?? null })),
          alternatives: alternatives.map((a) => ({ seatId: a.id, label: labels.get(a.id) ?? null })),
        },
      );
    }
    for (const s of seats) {
      const t = types.get(s.ticketTypeId) as SaleTicketType;
      if (deferred) deferred.set(t.id, (deferred.get(t.id) ?? 0) + 1);
      else await this.quota.hold(m, t.id, 1);
      const q = this.pricing.quote(t, now, promos);
      lines.push({ ticketTypeId: t.id, seatId: s.seatId, quantity: 1, unitPrice: q.unitPrice, currency: q.currency });
    }
  }

  /**
   * Best available: optimistic picks among the best groups, taken with one INSERT each; after a
   * few collisions, queued behind the event's lock.
   */
  async holdBest(
    m: EntityManager,
    event: EventFacts,
    holdId: string,
    want: NonNullable<HoldRequest['bestAvailable']>,
    types: Map<string, SaleTicketType>,
    lines: HoldLine[],
    now: Date,
    deferred?: Map<string, number>,
    promos: SalePromo[] = [],
  ): Promise<void> {
    const t = types.get(want.ticketTypeId) as SaleTicketType;
    if (!isReserved(t) || !event.venueId)
      throw new DomainError('unprocessable', 'NOT_RESERVED', `${t.name} is general admission: give a quantity.`);
    const scope = {
      sectionIds: t.sectionIds,
      zoneId: t.priceZoneId,
      onlySection: want.sectionId,
      onlyZone: want.priceZoneId,
    };
    // Optimistic first: buyers arriving together draw among the best few groups and take them with
    // one INSERT (the primary key decides). After a few collisions, queue behind the event's lock.
    let picked: CandidateSeat[];
    const cacheKey = bestSeatsKey(event.id, t.id, want);
    const readWindow = async () => {
      const seats = await this.repo.freeSeats(
        m,
        event.id,
        event.venueId as string,
        scope,
        BEST_AVAILABLE_WINDOW,
        this.freeSeatCache.reached(cacheKey),
      );
      this.freeSeatCache.set(cacheKey, seats);
      return seats;
    };
    for (let attempt = 0; ; attempt++) {
      const strict = attempt >= BEST_AVAILABLE_ATTEMPTS;
      if (strict) await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey('best', event.id)]);
      // The first attempt may use a moment-old read; a collision means reading again.
      const remembered = attempt === 0 ? this.freeSeatCache.get(cacheKey) : null;
      let free =
        remembered ?? (strict ? await this.repo.freeSeats(m, event.id, event.venueId, scope) : await readWindow());
      const spread = strict ? 1 : this.freeSeatCache.spread(cacheKey, BEST_AVAILABLE_SPREAD);
      picked = pickBestSeats(free, want.quantity, spread);
      if (picked.length < want.quantity && remembered) {
        free = await readWindow();
        picked = pickBestSeats(free, want.quantity, spread);
      }
      if (picked.length < want.quantity && !strict && free.length === BEST_AVAILABLE_WINDOW) {
        free = await this.repo.freeSeats(m, event.id, event.venueId, scope);
        picked = pickBestSeats(free, want.quantity, spread);
      }
      if (picked.length < want.quantity) {
        throw new DomainError(
          'conflict',
          'SOLD_OUT',
          `${t.name} does not have ${want.quantity} seats left together or apart.`,
          { ticketTypeId: t.id },
        );
      }
      // Marked as reached for before the first await, so buyers picking from the same remembered
      // list meanwhile leave these seats alone.
      this.freeSeatCache.gone(
        cacheKey,
        picked.map((p) => p.id),
      );
      // In seat-id order, so two buyers reaching for overlapping seats wait rather than deadlock.
      picked.sort((a, b) => (a.id < b.id ? -1 : 1));
      const got = await this.repo.takeSeats(
        m,
        event.id,
        holdId,
        picked.map((p) => ({ seatId: p.id, ticketTypeId: t.id })),
        !strict,
      );
      if (got.length === picked.length) break;
      if (strict) throw new DomainError('conflict', 'SEAT_TAKEN', 'Seats were taken meanwhile; try again.');
      await this.repo.dropHeldSeats(m, event.id, holdId, got);
    }
    if (deferred) deferred.set(t.id, (deferred.get(t.id) ?? 0) + picked.length);
    else await this.quota.hold(m, t.id, picked.length);
    const q = this.pricing.quote(t, now, promos);
    for (const p of picked)
      lines.push({ ticketTypeId: t.id, seatId: p.id, quantity: 1, unitPrice: q.unitPrice, currency: q.currency });
  }
}
