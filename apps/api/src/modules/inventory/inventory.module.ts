import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityPublisher } from './availability.publisher.js';
import { AvailabilityService } from './availability.service.js';
import { HoldExpiryProcessor } from './hold-expiry.processor.js';
import { HoldsController } from './holds.controller.js';
import { InventoryRepository } from './inventory.repository.js';
import { InventoryService } from './inventory.service.js';
import { FastQuoteService } from './fast-quote.service.js';
import { SeatHoldsService } from './seat-holds.service.js';
import { FREE_SEATS_FRESH_MS } from './best-available.js';
import { FreeSeatCache } from './free-seat-cache.js';

@Module({
  imports: [EventsModule, TicketsModule, PricingModule],
  controllers: [HoldsController, AvailabilityController],
  providers: [
    InventoryService,
    FastQuoteService,
    SeatHoldsService,
    InventoryRepository,
    AvailabilityPublisher,
    AvailabilityService,
    HoldExpiryProcessor,
    // One per instance: holds and fast sales share the short-lived reads of free seats.
    { provide: FreeSeatCache, useFactory: () => new FreeSeatCache(FREE_SEATS_FRESH_MS) },
  ],
  exports: [InventoryService, FastQuoteService],
})
export class InventoryModule {}
