import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { filter, type Observable, Subject } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { PUB_SUB, type PubSub } from '../../platform/store/store.js';
import { EventsService } from '../events/events.service.js';
import { QuotaService } from '../tickets/quota.service.js';
import { TicketTypesService } from '../tickets/ticket-types.service.js';
import { type AppliedRule, type PriceResult, priceAt, salesWindows } from './pricing-engine.js';
import { PricingRepository, type StoredRules } from './pricing.repository.js';
import type { PriceChangeDto } from './dto/price-rules.dto.js';

export const PRICES_CHANNEL = 'prices';
export type PriceReason = 'schedule' | 'sale' | 'rules_changed' | 'base_changed';

/** After sales, an event's prices are recomputed at most this often per instance. */
const AFTER_SALES_MS = 1_000;
/** Events that ended more than this long ago are no longer repriced. */
const AFTER_EVENT_MS = 86_400_000;

/**
 * The Price Updater: recomputes the current price of every ticket type with rules (scheduled every
 * minute, after sales, and when rules or the base price change), publishes it on the ticket type,
 * keeps the price history, and broadcasts each change to every API instance (the event's live
 * stream). One type at a time, under a lock on its rules, so concurrent runs publish once.
 */
@Injectable()
export class PriceUpdater implements OnModuleInit, OnModuleDestroy {
  private readonly feed = new Subject<PriceChangeDto>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(
    private readonly repo: PricingRepository,
    private readonly quota: QuotaService,
    private readonly types: TicketTypesService,
    private readonly events: EventsService,
    private readonly tx: TransactionRunner,
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.pubsub
      .subscribe(PRICES_CHANNEL, (message) => {
        try {
          this.types.priceChanged();
          this.feed.next(JSON.parse(message) as PriceChangeDto);
        } catch {
          // a malformed message is dropped
        }
      })
      .catch(() => null);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
    await this.unsubscribe?.().catch(() => undefined);
    this.feed.complete();
  }

  /** Price changes of one event, from any instance. */
  changes(eventId: string): Observable<PriceChangeDto> {
    return this.feed.pipe(filter((c) => c.eventId === eventId));
  }

  /** Sales changed an event's demand: recompute its prices soon (coalesced). */
  nudge(eventId: string): void {
    if (this.closed || this.pending.has(eventId)) return;
    this.pending.set(
      eventId,
      setTimeout(() => {
        this.pending.delete(eventId);
        const run = this.repo
          .hasRules(this.tx.manager, eventId)
          .then((has) => (has ? this.recomputeEvent(eventId, 'sale') : 0))
          .catch((error: unknown) => this.logger.warn({ err: error, eventId }, 'repricing after sales failed'))
          .finally(() => this.running.delete(run));
        this.running.add(run);
      }, AFTER_SALES_MS).unref(),
    );
  }

  /** Every ticket type with rules, of events still selling (the scheduled job). */
  async recomputeAll(): Promise<number> {
    const all = await this.repo.typesWithRules(this.tx.manager);
    let changed = 0;
    for (const eventId of new Set(all.map((t) => t.eventId))) changed += await this.recomputeEvent(eventId, 'schedule');
    return changed;
  }

  /** Recomputes an event's types with rules (or only `only`); returns how many prices changed. */
  async recomputeEvent(eventId: string, reason: PriceReason, only?: string[]): Promise<number> {
    const event = await this.events.facts(eventId).catch(() => null);
    if (!event || event.status === 'canceled' || event.status === 'completed') return 0;
    const now = new Date();
    if ((event.endsAt ?? event.startsAt).getTime() + AFTER_EVENT_MS < now.getTime()) return 0;
    const ids = (await this.repo.typesWithRules(this.tx.manager, eventId))
      .map((t) => t.ticketTypeId)
      .filter((id) => !only || only.includes(id));
    if (ids.length === 0) return 0;
    // Reserved seating has no capacity of its own: its sellable seats count instead.
    const live = new Map((await this.types.live(eventId)).items.map((t) => [t.id, t]));
    let changed = 0;
    for (const id of ids) {
      const change = await this.tx.run((m) => this.recomputeType(m, id, event.startsAt, live.get(id), reason, now));
      if (change) {
        changed++;
        this.announce(change);
      }
    }
    return changed;
  }

  /** The price a type would have now, without publishing it (the rules screen and quotes). */
  async preview(
    m: EntityManager,
    stored: StoredRules,
    eventStartsAt: Date,
    now: Date,
  ): Promise<{ result: PriceResult; currency: string } | null> {
    const t = (await this.quota.forSale(m, [stored.ticketTypeId])).get(stored.ticketTypeId);
    if (!t) return null;
    const live = (await this.types.live(t.eventId)).items.find((x) => x.id === t.id);
    const last = await this.repo.lastPrice(m, t.id);
    const result = priceAt({
      basePrice: t.basePrice,
      policy: stored.policy,
      rules: stored.rules,
      now,
      eventStartsAt,
      sold: t.sold,
      capacity: t.capacity ?? (live && live.available !== null ? t.sold + t.held + live.available : null),
      recentSales: await this.quota.recentSales(m, t.id, salesWindows(stored.rules), now),
      last: last ? { price: last.price, at: last.changedAt } : null,
    });
    return { result, currency: t.currency };
  }

  private async recomputeType(
    m: EntityManager,
    ticketTypeId: string,
    eventStartsAt: Date,
    live: { available: number | null } | undefined,
    reason: PriceReason,
    now: Date,
  ): Promise<PriceChangeDto | null> {
    const stored = (await this.repo.rulesOf(m, [ticketTypeId], true)).get(ticketTypeId);
    const t = (await this.quota.forSale(m, [ticketTypeId])).get(ticketTypeId);
    if (!t) return null;
    if (!stored) return this.publish(m, t, null, [], reason, now);
    const last = await this.repo.lastPrice(m, ticketTypeId);
    const { unitPrice, rules } = priceAt({
      basePrice: t.basePrice,
      policy: stored.policy,
      rules: stored.rules,
      now,
      eventStartsAt,
      sold: t.sold,
      capacity: t.capacity ?? (live && live.available !== null ? t.sold + t.held + live.available : null),
      recentSales: await this.quota.recentSales(m, ticketTypeId, salesWindows(stored.rules), now),
      last: last ? { price: last.price, at: last.changedAt } : null,
    });
    if (last && last.price === unitPrice && t.price === unitPrice) return null;
    return this.publish(m, t, unitPrice, rules, reason, now);
  }

  /** Writes the new current price (null: the base price) and its history row, in the caller's transaction. */
  private async publish(
    m: EntityManager,
    t: { id: string; eventId: string; price: number; basePrice: number; currency: string },
    price: number | null,
    rules: AppliedRule[],
    reason: PriceReason,
    now: Date,
  ): Promise<PriceChangeDto | null> {
    const moved = await this.quota.publishPrice(m, t.id, price);
    const effective = price ?? t.basePrice;
    const last = await this.repo.lastPrice(m, t.id);
    if (!moved && last?.price === effective) return null;
    await this.repo.appendHistory(m, {
      ticketTypeId: t.id,
      eventId: t.eventId,
      price: effective,
      previousPrice: t.price,
      currency: t.currency,
      rules,
      reason,
      changedAt: now,
    });
    return {
      eventId: t.eventId,
      ticketTypeId: t.id,
      price: effective,
      previousPrice: t.price,
      currency: t.currency,
      rules,
      at: now.toISOString(),
    };
  }

  /** Rules were saved (or removed): publish the type's price now. */
  async afterRulesChanged(eventId: string, ticketTypeId: string): Promise<void> {
    const event = await this.events.facts(eventId);
    const live = (await this.types.live(eventId)).items.find((t) => t.id === ticketTypeId);
    const change = await this.tx.run((m) =>
      this.recomputeType(m, ticketTypeId, event.startsAt, live, 'rules_changed', new Date()),
    );
    if (change) this.announce(change);
  }

  async afterBasePriceChanged(ticketTypeId: string): Promise<void> {
    const [row] = (await this.repo.rulesOf(this.tx.manager, [ticketTypeId])).values();
    if (row) await this.recomputeEvent(row.eventId, 'base_changed', [ticketTypeId]);
  }

  private announce(change: PriceChangeDto): void {
    this.types.priceChanged();
    this.quota.forgetDefinitions([change.ticketTypeId]);
    // Fire and forget: a live update must never fail a price change.
    this.pubsub.publish(PRICES_CHANNEL, JSON.stringify(change)).catch(() => undefined);
  }
}
