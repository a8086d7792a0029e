import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  asyncScheduler,
  filter,
  finalize,
  from,
  map,
  merge,
  type Observable,
  shareReplay,
  startWith,
  Subject,
  switchMap,
  throttleTime,
} from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import { PUB_SUB, type PubSub } from '../../platform/store/store.js';
import { EventsService } from '../events/events.service.js';
import type { PriceChangeDto } from '../pricing/dto/price-rules.dto.js';
import { PriceUpdater } from '../pricing/price-updater.service.js';
import { TicketTypesService } from '../tickets/ticket-types.service.js';
import { AVAILABILITY_CHANNEL, eventOfMessage } from './availability.publisher.js';
import type { AvailabilityDto } from './dto/availability.dto.js';

/**
 * The Inventory Updater: live availability per event. Stock changes on any API instance arrive
 * through pub/sub; each event's snapshot is computed at most twice a second and shared by every
 * stream open on this instance.
 */
@Injectable()
export class AvailabilityService implements OnModuleInit, OnModuleDestroy {
  private readonly changes = new Subject<string>();
  private readonly streams = new Map<string, Observable<AvailabilityDto>>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    private readonly types: TicketTypesService,
    private readonly events: EventsService,
    private readonly ds: DataSource,
    private readonly prices: PriceUpdater,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.pubsub
      .subscribe(AVAILABILITY_CHANNEL, (message) => this.changes.next(eventOfMessage(message)))
      .catch(() => null);
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.().catch(() => undefined);
    this.changes.complete();
  }

  /** 404 for an event the public cannot see (unknown, or a draft). */
  async ensureVisible(eventId: string): Promise<void> {
    const facts = await this.events.facts(eventId).catch(() => null);
    if (!facts || facts.status === 'draft')
      throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
  }

  async snapshot(eventId: string): Promise<AvailabilityDto> {
    await this.ensureVisible(eventId);
    const list = await this.types.live(eventId);
    const taken = (await this.ds.query('SELECT seat_id AS "seatId", status FROM event_seats WHERE event_id = $1', [
      eventId,
    ])) as { seatId: string; status: 'held' | 'sold' }[];
    return {
      eventId,
      ticketTypes: list.items
        .filter((t) => !t.hidden)
        .map((t) => ({ id: t.id, available: t.available, status: t.status, price: t.price })),
      takenSeats: taken.map((t) => t.seatId),
      heldSeats: taken.filter((t) => t.status === 'held').map((t) => t.seatId),
      at: new Date().toISOString(),
    };
  }

  stream(eventId: string): Observable<AvailabilityDto> {
    let stream = this.streams.get(eventId);
    if (!stream) {
      // Stock changes and price changes (the snapshot carries current prices) refresh it.
      stream = merge(this.changes.pipe(filter((id) => id === eventId)), this.prices.changes(eventId)).pipe(
        startWith(eventId),
        throttleTime(500, asyncScheduler, { leading: true, trailing: true }),
        switchMap(() => from(this.snapshot(eventId))),
        finalize(() => this.streams.delete(eventId)),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      this.streams.set(eventId, stream);
    }
    return stream.pipe(map((s) => s));
  }

  /** Each price change of the event's ticket types, as the Price Updater publishes it. */
  priceChanges(eventId: string): Observable<PriceChangeDto> {
    return this.prices.changes(eventId);
  }
}
