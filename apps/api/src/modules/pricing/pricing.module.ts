import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { PriceHistoryEntity } from './price-history.entity.js';
import { PricePolicyEntity, PriceRuleEntity } from './price-rule.entity.js';
import { PriceRulesController } from './price-rules.controller.js';
import { PriceRulesService } from './price-rules.service.js';
import { PriceUpdateProcessor } from './price-update.processor.js';
import { PriceUpdater } from './price-updater.service.js';
import { PricingRepository } from './pricing.repository.js';
import { PricingService } from './pricing.service.js';
import { PromoCodeEntity, PromoRedemptionEntity } from './promo-code.entity.js';
import { PromoCodesController } from './promo-codes.controller.js';
import { PromoCodesService } from './promo-codes.service.js';

/** Dynamic pricing: the Pricing Engine, the Price Updater, price rules and history, promo codes and vouchers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PricePolicyEntity,
      PriceRuleEntity,
      PriceHistoryEntity,
      PromoCodeEntity,
      PromoRedemptionEntity,
    ]),
    TicketsModule,
    EventsModule,
  ],
  controllers: [PriceRulesController, PromoCodesController],
  providers: [
    PricingService,
    PricingRepository,
    PriceUpdater,
    PriceRulesService,
    PromoCodesService,
    PriceUpdateProcessor,
  ],
  exports: [PricingService, PriceUpdater],
})
export class PricingModule {}
