import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CreatePromoCodeDto,
  PriceQuoteDto,
  PriceQuoteRequestDto,
  PromoCodeDto,
  PromoCodeListDto,
  PromoCodeQueryDto,
  UpdatePromoCodeDto,
} from './dto/promo-code.dto.js';
import { PricingService } from './pricing.service.js';
import { PromoCodesService } from './promo-codes.service.js';

@ApiTags('pricing')
@Controller()
export class PromoCodesController {
  constructor(
    private readonly promos: PromoCodesService,
    private readonly pricing: PricingService,
  ) {}

  @Post('events/:id/promo-codes')
  @Roles('event_manager')
  @ApiOperation({
    summary: 'Create a promo code or voucher for an event',
    description:
      'Percent or fixed amount off each ticket of some or all types, with limits in total and per customer and a ' +
      'validity window; a voucher may unlock hidden ticket types. 409 PROMO_CODE_TAKEN when the event has the code.',
    operationId: 'createPromoCode',
  })
  @ApiCreatedResponse({ type: PromoCodeDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe()) eventId: string,
    @Body() dto: CreatePromoCodeDto,
  ): Promise<PromoCodeDto> {
    return this.promos.create(actor, eventId, dto);
  }

  @Get('events/:id/promo-codes')
  @Roles('event_manager')
  @ApiOperation({ summary: "An event's promo codes with their uses", operationId: 'listPromoCodes' })
  @ApiOkResponse({ type: PromoCodeListDto })
  @ApiProblems(400, 401, 403)
  list(
    @Param('id', new ParseUUIDPipe()) eventId: string,
    @Query() query: PromoCodeQueryDto,
  ): Promise<PromoCodeListDto> {
    return this.promos.list(eventId, query);
  }

  @Patch('promo-codes/:id')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Deactivate a promo code, or change its limit or end', operationId: 'updatePromoCode' })
  @ApiOkResponse({ type: PromoCodeDto })
  @ApiProblems(400, 401, 403, 404, 422)
  update(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdatePromoCodeDto,
  ): Promise<PromoCodeDto> {
    return this.promos.update(actor, id, dto);
  }

  @Post('price-quotes')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote tickets at the current prices with promo codes, and explain each price',
    description:
      'Checks the codes as a purchase would (422 PROMO_NOT_FOUND, PROMO_WRONG_EVENT, PROMO_EXPIRED, PROMO_EXHAUSTED, ' +
      'PROMO_NOT_STACKABLE, VOUCHER_REQUIRED, ...). The total is what a purchase now charges: send it as expectedTotal.',
    operationId: 'quotePrices',
  })
  @ApiOkResponse({ type: PriceQuoteDto })
  @ApiProblems(400, 404, 422)
  quote(@CurrentActor() actor: Actor | null, @Body() dto: PriceQuoteRequestDto): Promise<PriceQuoteDto> {
    return this.pricing.priceQuote(actor?.kind === 'user' ? actor.userId : null, dto);
  }
}
