import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { EventsService, type EventFacts } from '../events/events.service.js';
import { codesOf, PricingService, type SalePromo } from '../pricing/pricing.service.js';
import { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import { QuotaService, type SaleTicketType } from '../tickets/quota.service.js';
import { AvailabilityPublisher } from './availability.publisher.js';
import { channelOf, checkRequest, isReserved, owns } from './inventory.rules.js';
import type { HeldInventory, HoldLine, HoldRequest } from './inventory.types.js';
import { SeatHoldsService } from './seat-holds.service.js';
import type { CreateHoldDto, HoldDto } from './dto/hold.dto.js';
import { InventoryRepository } from './inventory.repository.js';

const holdNotFound = () => new DomainError('not_found', 'HOLD_NOT_FOUND', 'No hold of yours has this id.');
/**
 * The Inventory Service and Seat Manager: holds on general-admission quotas and reserved seats.
 * Every stock decision is one conditional statement inside one transaction; the counters' CHECK
 * constraint and the event_seats primary key are the backstops.
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly repo: InventoryRepository,
    private readonly quota: QuotaService,
    private readonly tickets: IssuedTicketsService,
    private readonly events: EventsService,
    private readonly pricing: PricingService,
    private readonly tx: TransactionRunner,
    private readonly availability: AvailabilityPublisher,
    private readonly seatHolds: SeatHoldsService,
  ) {}

  async create(actor: Actor, dto: CreateHoldDto): Promise<HoldDto> {
    const id = await this.placeWithRetry(actor, dto);
    return this.get(actor, id);
  }

  /** Places a hold; when stock runs out, expired holds are released first and the hold tried once more. */
  async placeWithRetry(actor: Actor, request: HoldRequest, manager?: EntityManager): Promise<string> {
    try {
      return await this.place(actor, request, manager);
    } catch (error) {
      if (manager || !(error instanceof DomainError) || !['SOLD_OUT', 'SEAT_TAKEN'].includes(error.code)) throw error;
      if ((await this.expireDue(500, request.eventId)) === 0) throw error;
      return this.place(actor, request);
    }
  }

  /** One hold, in the given transaction or a new one. */
  /**
   * `deferred`: for a sale settled in the same transaction, the quota counters are not touched here;
   * the caller sells them last (`sellDeferred`), so the hot counter row is locked only just before commit.
   */
  async place(
    actor: Actor,
    request: HoldRequest,
    manager?: EntityManager,
    deferred?: Map<string, number>,
  ): Promise<string> {
    if (!request.items?.length && !request.seats?.length && !request.bestAvailable) {
      throw new DomainError('bad_request', 'NOTHING_TO_HOLD', 'Give items, seats or bestAvailable.');
    }
    const channel = channelOf(actor, request.channel);
    // Inside a caller's transaction every read uses its connection: a second one could starve the pool.
    const event = await this.events.facts(request.eventId, manager).catch(() => {
      throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    });
    if (event.status !== 'on_sale')
      throw new DomainError('unprocessable', 'SALES_CLOSED', 'This event is not on sale.');
    const run = async (m: EntityManager) => {
      const id = await this.placeIn(m, actor, channel, event, request, deferred);
      return id;
    };
    const id = manager ? await run(manager) : await this.tx.run(run);
    if (!manager) this.availability.changed(event.id);
    return id;
  }

  private async placeIn(
    m: EntityManager,
    actor: Actor,
    channel: string,
    event: EventFacts,
    request: HoldRequest,
    deferred?: Map<string, number>,
  ): Promise<string> {
    const types = await checkRequest(this.quota, this.tickets, m, actor, channel, event, request);
    const now = new Date();
    const promos = await this.promosFor(m, actor, channel, event.id, request, types, now);

    const [hold] = (await m.query(
      `INSERT INTO holds (event_id, user_id, api_client_id, channel, expires_at, promo_code_ids)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6) RETURNING id`,
      [
        event.id,
        actor.kind === 'user' ? actor.userId : null,
        actor.kind === 'api_client' ? actor.clientId : null,
        channel,
        event.holdMinutes,
        promos.map((p) => p.id),
      ],
    )) as { id: string }[];
    const lines: HoldLine[] = [];

    // General admission: one conditional UPDATE per type decides.
    for (const item of request.items ?? []) {
      const t = types.get(item.ticketTypeId) as SaleTicketType;
      if (isReserved(t))
        throw new DomainError(
          'unprocessable',
          'SEAT_REQUIRED',
          `${t.name} is reserved seating: choose seats or best available.`,
        );
      // Deferred: an early look (no lock) refuses a sold-out type at once; the final conditional UPDATE decides.
      const looksGone = deferred && t.capacity !== null && t.sold + t.held + item.quantity > t.capacity;
      if (deferred && !looksGone) deferred.set(t.id, (deferred.get(t.id) ?? 0) + item.quantity);
      else if (looksGone || !(await this.quota.hold(m, t.id, item.quantity))) {
        throw new DomainError('conflict', 'SOLD_OUT', `${t.name} does not have ${item.quantity} left.`, {
          ticketTypeId: t.id,
        });
      }
      const q = this.pricing.quote(t, now, promos);
      lines.push({
        ticketTypeId: t.id,
        seatId: null,
        quantity: item.quantity,
        unitPrice: q.unitPrice,
        currency: q.currency,
      });
    }

    // Chosen seats: the primary key of event_seats decides.
    if (request.seats?.length)
      await this.seatHolds.holdChosen(m, event, hold.id, request.seats, types, lines, now, deferred, promos);

    // Best available: serialised per event, so two buyers never pick the same seats at once.
    if (request.bestAvailable) {
      await this.seatHolds.holdBest(m, event, hold.id, request.bestAvailable, types, lines, now, deferred, promos);
    }

    await m.query(
      `INSERT INTO hold_items (hold_id, ticket_type_id, seat_id, quantity, unit_price, currency)
       SELECT $1, l.tt, l.seat, l.q, l.price, l.cur FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[]) AS l(tt, seat, q, price, cur)`,
      [
        hold.id,
        lines.map((l) => l.ticketTypeId),
        lines.map((l) => l.seatId),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitPrice),
        lines.map((l) => l.currency),
      ],
    );
    return hold.id;
  }

  /**
   * A general-admission sale settled in the caller's transaction, without a hold: the same rules,
   * prices quoted now, and the quantities to sell last (`sellDeferred`). An early look (no lock)
   * refuses a sold-out type at once.
   */
  async quoteDirect(
    m: EntityManager,
    actor: Actor,
    channel: string,
    eventId: string,
    items: { ticketTypeId: string; quantity: number }[],
    codes: string[] = [],
  ): Promise<{
    event: EventFacts;
    lines: HoldLine[];
    deferred: Map<string, number>;
    names: Map<string, string>;
    promos: SalePromo[];
  }> {
    const event = await this.events.facts(eventId, m).catch(() => {
      throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    });
    if (event.status !== 'on_sale')
      throw new DomainError('unprocessable', 'SALES_CLOSED', 'This event is not on sale.');
    const types = await checkRequest(this.quota, this.tickets, m, actor, channel, event, { eventId, items });
    const now = new Date();
    const promos = await this.promosFor(m, actor, channel, eventId, { promoCodes: codes }, types, now);
    const lines: HoldLine[] = [];
    const deferred = new Map<string, number>();
    for (const item of items) {
      const t = types.get(item.ticketTypeId) as SaleTicketType;
      if (isReserved(t))
        throw new DomainError(
          'unprocessable',
          'SEAT_REQUIRED',
          `${t.name} is reserved seating: choose seats or best available.`,
        );
      const n = (deferred.get(t.id) ?? 0) + item.quantity;
      if (t.capacity !== null && t.sold + t.held + n > t.capacity) {
        throw new DomainError('conflict', 'SOLD_OUT', `${t.name} does not have ${item.quantity} left.`, {
          ticketTypeId: t.id,
        });
      }
      deferred.set(t.id, n);
      const q = this.pricing.quote(t, now, promos);
      lines.push({
        ticketTypeId: t.id,
        seatId: null,
        quantity: item.quantity,
        unitPrice: q.unitPrice,
        currency: q.currency,
      });
    }
    return { event, lines, deferred, names: new Map([...types.values()].map((t) => [t.id, t.name])), promos };
  }

  async get(actor: Actor, id: string): Promise<HoldDto> {
    const hold = await this.load(this.tx.manager, id);
    if (!hold || !owns(actor, hold)) throw holdNotFound();
    const labels = await this.repo.seatLabels(
      this.tx.manager,
      hold.items.filter((i) => i.seatId).map((i) => i.seatId as string),
    );
    const expired = hold.status === 'active' && hold.expiresAt <= new Date();
    return {
      id: hold.id,
      eventId: hold.eventId,
      status: expired ? 'expired' : hold.status,
      expiresAt: hold.expiresAt.toISOString(),
      canExtend: hold.status === 'active' && !expired && hold.extensions < 1,
      items: hold.items.map((i) => ({ ...i, seatLabel: i.seatId ? (labels.get(i.seatId) ?? null) : null })),
      total: hold.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0),
      currency: hold.items[0]?.currency ?? 'EUR',
      promoCodes: await this.pricing.codesFor(this.tx.manager, hold.promoCodeIds),
    };
  }

  async load(m: EntityManager, id: string): Promise<HeldInventory | null> {
    const [hold] = (await m.query(
      `SELECT id, event_id AS "eventId", status, user_id AS "userId", api_client_id AS "apiClientId", channel, expires_at AS "expiresAt", extensions,
              promo_code_ids AS "promoCodeIds"
         FROM holds WHERE id = $1`,
      [id],
    )) as Omit<HeldInventory, 'items'>[];
    if (!hold) return null;
    const items = (await m.query(
      `SELECT ticket_type_id AS "ticketTypeId", seat_id AS "seatId", quantity, unit_price AS "unitPrice", currency
         FROM hold_items WHERE hold_id = $1 ORDER BY ticket_type_id, seat_id`,
      [id],
    )) as HoldLine[];
    return { ...hold, items };
  }

  /** One extension of the event's hold time, while the hold lives. */
  async extend(actor: Actor, id: string): Promise<HoldDto> {
    const hold = await this.load(this.tx.manager, id);
    if (!hold || !owns(actor, hold)) throw holdNotFound();
    const [rows] = (await this.tx.manager.query(
      `UPDATE holds h SET expires_at = h.expires_at + make_interval(mins => g.hold_minutes), extensions = h.extensions + 1
         FROM games g WHERE h.id = $1 AND g.id = h.event_id AND h.status = 'active' AND h.expires_at > now() AND h.extensions < 1
       RETURNING h.id`,
      [id],
    )) as [unknown[], number];
    if (rows.length === 0) {
      if (hold.status !== 'active' || hold.expiresAt <= new Date())
        throw new DomainError('conflict', 'HOLD_EXPIRED', 'This hold has expired.');
      throw new DomainError('unprocessable', 'HOLD_EXTENDED', 'A hold can be extended once.');
    }
    return this.get(actor, id);
  }

  /** The buyer lets go: the stock is back on sale at once. */
  async release(actor: Actor, id: string): Promise<void> {
    const hold = await this.load(this.tx.manager, id);
    if (!hold || !owns(actor, hold)) throw holdNotFound();
    const released = await this.tx.run((m) => this.endHold(m, id, 'released'));
    if (released) this.availability.changed(hold.eventId);
  }

  /** Until when a hold still holds its stock (active, not past its expiry); null once it does not. */
  async liveUntil(id: string): Promise<Date | null> {
    const [row] = (await this.tx.manager.query(
      'SELECT expires_at AS "expiresAt" FROM holds WHERE id = $1 AND status = \'active\' AND expires_at > now()',
      [id],
    )) as { expiresAt: Date }[];
    return row?.expiresAt ?? null;
  }

  /** Releases a hold on the system's behalf (a declined payment of a hold made for that purchase). */
  async releaseForSystem(id: string): Promise<void> {
    const hold = await this.load(this.tx.manager, id);
    if (hold && (await this.tx.run((m) => this.endHold(m, id, 'released')))) this.availability.changed(hold.eventId);
  }

  /** Releases every active hold past its expiry (the scheduled job, and buyers who find stock gone). */
  async expireDue(limit = 500, eventId?: string): Promise<number> {
    const due = (await this.tx.manager.query(
      `SELECT id, event_id AS "eventId" FROM holds WHERE status = 'active' AND expires_at <= now() AND ($2::uuid IS NULL OR event_id = $2::uuid)
        ORDER BY expires_at LIMIT $1`,
      [limit, eventId ?? null],
    )) as { id: string; eventId: string }[];
    let n = 0;
    const touched = new Set<string>();
    for (const h of due) {
      if (await this.tx.run((m) => this.endHold(m, h.id, 'expired'))) {
        n++;
        touched.add(h.eventId);
      }
    }
    for (const e of touched) this.availability.changed(e);
    return n;
  }

  /** Ends an active hold (compare-and-set) and gives its stock back. */
  private async endHold(m: EntityManager, id: string, to: 'released' | 'expired'): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE holds SET status = $2 WHERE id = $1 AND status = 'active' ${to === 'expired' ? 'AND expires_at <= now()' : ''} RETURNING id`,
      [id, to],
    )) as [unknown[], number];
    if (rows.length === 0) return false;
    await this.giveBack(m, id);
    return true;
  }

  private async giveBack(m: EntityManager, holdId: string): Promise<void> {
    const items = (await m.query(
      'SELECT ticket_type_id AS "ticketTypeId", sum(quantity)::int AS n FROM hold_items WHERE hold_id = $1 GROUP BY 1',
      [holdId],
    )) as { ticketTypeId: string; n: number }[];
    for (const i of items) await this.quota.release(m, i.ticketTypeId, i.n);
    await this.repo.releaseSeats(m, holdId);
  }

  /**
   * Turns a live hold into sold stock for a paid purchase. False when the hold is gone (expired
   * and released): the caller then tries `resell`.
   */
  async convert(m: EntityManager, holdId: string, purchaseId: string, quotaDeferred = false): Promise<boolean> {
    const [rows] = (await m.query(
      "UPDATE holds SET status = 'converted' WHERE id = $1 AND status = 'active' RETURNING id",
      [holdId],
    )) as [unknown[], number];
    if (rows.length === 0) return false;
    const items = (await m.query(
      'SELECT ticket_type_id AS "ticketTypeId", sum(quantity)::int AS n FROM hold_items WHERE hold_id = $1 GROUP BY 1',
      [holdId],
    )) as { ticketTypeId: string; n: number }[];
    if (!quotaDeferred) for (const i of items) await this.quota.sellHeld(m, i.ticketTypeId, i.n);
    await this.repo.sellSeats(m, holdId, purchaseId);
    return true;
  }

  /** Sells what a same-transaction sale deferred, in id order (so two orders never lock in opposite order). */
  async sellDeferred(m: EntityManager, deferred: Map<string, number>): Promise<void> {
    for (const [typeId, n] of [...deferred].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!(await this.quota.sell(m, typeId, n))) {
        throw new DomainError('conflict', 'SOLD_OUT', `Not enough tickets left for this order.`, {
          ticketTypeId: typeId,
        });
      }
    }
  }

  /**
   * A payment that arrived after its hold was released takes the same stock again, all of it or
   * nothing (a savepoint undoes the seats and counters taken before a missing one).
   */
  async resell(m: EntityManager, eventId: string, purchaseId: string, items: HoldLine[]): Promise<boolean> {
    const seats = items
      .filter((i) => i.seatId)
      .map((i) => ({ seatId: i.seatId as string, ticketTypeId: i.ticketTypeId }));
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.ticketTypeId, (counts.get(i.ticketTypeId) ?? 0) + i.quantity);
    await m.query('SAVEPOINT resell');
    let all = false;
    try {
      all = !seats.length || (await this.repo.sellSeatsDirect(m, eventId, purchaseId, seats)) === seats.length;
      for (const [typeId, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
        all = all && (await this.quota.sell(m, typeId, n));
    } finally {
      await m.query(all ? 'RELEASE SAVEPOINT resell' : 'ROLLBACK TO SAVEPOINT resell');
    }
    return all;
  }

  /** Ends every active hold of a canceled event, in the cancel's transaction: the stock goes back. */
  async releaseAllFor(m: EntityManager, eventId: string): Promise<number> {
    const holds = (await m.query("SELECT id FROM holds WHERE event_id = $1 AND status = 'active' ORDER BY id", [
      eventId,
    ])) as { id: string }[];
    let n = 0;
    for (const { id } of holds) if (await this.endHold(m, id, 'released')) n++;
    return n;
  }

  /** Refunded tickets go back on sale. */
  async returnSold(
    m: EntityManager,
    eventId: string,
    tickets: { ticketTypeId: string; seatId: string | null }[],
  ): Promise<void> {
    const counts = new Map<string, number>();
    for (const t of tickets) counts.set(t.ticketTypeId, (counts.get(t.ticketTypeId) ?? 0) + 1);
    for (const [typeId, n] of counts) await this.quota.unsell(m, typeId, n);
    await this.repo.unsellSeats(
      m,
      eventId,
      tickets.filter((t) => t.seatId).map((t) => t.seatId as string),
    );
  }

  changed(eventId: string): void {
    this.availability.changed(eventId);
    // Sales move demand: dynamic prices follow.
    this.pricing.salesChanged(eventId);
  }

  /** The codes of a hold or direct sale, checked against the types asked for (hidden ones need theirs). */
  private promosFor(
    m: EntityManager,
    actor: Actor,
    channel: string,
    eventId: string,
    request: Pick<HoldRequest, 'promoCode' | 'promoCodes'>,
    types: Map<string, SaleTicketType>,
    now: Date,
  ): Promise<SalePromo[]> {
    const customerId = actor.kind === 'user' && channel !== 'box_office' ? actor.userId : null;
    return this.pricing.forSale(m, eventId, codesOf(request), [...types.values()], channel, customerId, now);
  }
}

export { channelOf } from './inventory.rules.js';
export type { FastQuote, HeldInventory, HoldLine, HoldRequest } from './inventory.types.js';
