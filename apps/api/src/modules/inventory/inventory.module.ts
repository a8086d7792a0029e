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

@Module({
  imports: [EventsModule, TicketsModule, PricingModule],
  controllers: [HoldsController, AvailabilityController],
  providers: [InventoryService, InventoryRepository, AvailabilityPublisher, AvailabilityService, HoldExpiryProcessor],
  exports: [InventoryService],
})
export class InventoryModule {}
