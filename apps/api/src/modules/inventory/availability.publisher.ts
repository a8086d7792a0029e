import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PUB_SUB, type PubSub } from '../../platform/store/store.js';

export const AVAILABILITY_CHANNEL = 'availability';

/** A message on the channel: `<eventId>|<instance that changed it>`. */
export const eventOfMessage = (message: string) => message.split('|')[0];

/** How often one instance tells the others about one event's stock, at most (a flash sale changes it hundreds of times a second). */
const PUBLISH_EVERY_MS = 100;
/** A sold-out mark lives this long without news; stock changes on any instance clear it sooner. */
const SOLD_OUT_MARK_MS = 2_000;

/**
 * The Inventory Updater's producer: after a commit that changed stock, tell every API instance
 * (coalesced per event, the last change always told). It also keeps this instance's marks of
 * ticket types known to be sold out, so a stampede of buyers is answered without the database;
 * any stock change of the event, from any instance, clears them.
 */
@Injectable()
export class AvailabilityPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly lastPublished = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly soldOut = new Map<string, { eventId: string; until: number }>();
  private unsubscribe: (() => Promise<void>) | null = null;
  /** This instance's own messages bring no news: its changes cleared its marks when they happened. */
  private readonly origin = randomUUID();

  constructor(@Inject(PUB_SUB) private readonly pubsub: PubSub) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.pubsub
      .subscribe(AVAILABILITY_CHANNEL, (message) => {
        const [eventId, origin] = message.split('|');
        if (origin !== this.origin) this.clearSoldOut(eventId);
      })
      .catch(() => null);
  }

  async onModuleDestroy(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await this.unsubscribe?.().catch(() => undefined);
  }

  changed(eventId: string): void {
    this.clearSoldOut(eventId);
    if (this.pending.has(eventId)) return;
    const wait = (this.lastPublished.get(eventId) ?? 0) + PUBLISH_EVERY_MS - Date.now();
    if (wait <= 0) return this.publish(eventId);
    this.pending.set(
      eventId,
      setTimeout(() => {
        this.pending.delete(eventId);
        this.publish(eventId);
      }, wait).unref(),
    );
  }

  /** Marks a ticket type as sold out on this instance (nothing held, every ticket sold). */
  markSoldOut(eventId: string, ticketTypeId: string): void {
    this.soldOut.set(ticketTypeId, { eventId, until: Date.now() + SOLD_OUT_MARK_MS });
  }

  isSoldOut(ticketTypeId: string): boolean {
    const mark = this.soldOut.get(ticketTypeId);
    if (!mark) return false;
    if (mark.until > Date.now()) return true;
    this.soldOut.delete(ticketTypeId);
    return false;
  }

  private clearSoldOut(eventId: string): void {
    for (const [typeId, mark] of this.soldOut) if (mark.eventId === eventId) this.soldOut.delete(typeId);
  }

  private publish(eventId: string): void {
    this.lastPublished.set(eventId, Date.now());
    if (this.lastPublished.size > 10_000) this.lastPublished.clear();
    // Fire and forget: live updates must never fail or slow a sale.
    this.pubsub.publish(AVAILABILITY_CHANNEL, `${eventId}|${this.origin}`).catch(() => undefined);
  }
}
