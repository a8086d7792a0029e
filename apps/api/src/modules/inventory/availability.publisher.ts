import { Inject, Injectable } from '@nestjs/common';
import { PUB_SUB, type PubSub } from '../../platform/store/store.js';

export const AVAILABILITY_CHANNEL = 'availability';

/** The Inventory Updater's producer: after a commit that changed stock, tell every API instance. */
@Injectable()
export class AvailabilityPublisher {
  constructor(@Inject(PUB_SUB) private readonly pubsub: PubSub) {}

  changed(eventId: string): void {
    // Fire and forget: live updates must never fail or slow a sale.
    this.pubsub.publish(AVAILABILITY_CHANNEL, eventId).catch(() => undefined);
  }
}
