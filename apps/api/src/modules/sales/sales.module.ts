import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DirectSaleService } from './direct-sale.service.js';
import { IdempotencyService } from './idempotency.service.js';
import { PurchasesController } from './purchases.controller.js';
import { ProjectionRebuildService } from './projection-rebuild.service.js';
import { PurchasesRepository } from './purchases.repository.js';
import { RefundsProcessor } from './refunds.processor.js';
import { RefundsService } from './refunds.service.js';
import { SalesService } from './sales.service.js';
import { SettlementService } from './settlement.service.js';

@Module({
  imports: [InventoryModule, PaymentsModule, PricingModule, TicketsModule, AuthModule, EventsModule],
  controllers: [PurchasesController],
  providers: [
    SalesService,
    SettlementService,
    RefundsService,
    DirectSaleService,
    PurchasesRepository,
    IdempotencyService,
    RefundsProcessor,
    ProjectionRebuildService,
  ],
  exports: [SalesService],
})
export class SalesModule {}
