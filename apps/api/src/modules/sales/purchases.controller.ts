import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiScopes, Authenticated, CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import {
  PurchaseDto,
  PurchaseHistoryDto,
  PurchaseListDto,
  PurchaseQueryDto,
  PurchaseRequestDto,
  RefundProgressDto,
  RefundRequestDto,
} from './dto/purchase.dto.js';
import { RefundsService } from './refunds.service.js';
import { SalesService } from './sales.service.js';

const id = () => Param('id', new ParseUUIDPipe());

@ApiTags('purchases')
@Controller()
export class PurchasesController {
  constructor(
    private readonly sales: SalesService,
    private readonly refunds: RefundsService,
  ) {}

  @Post('tickets/purchase')
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiHeader({
    name: 'idempotency-key',
    required: true,
    description: 'Same key and body: the first answer again. Same key, other body: 409.',
  })
  @ApiOperation({
    summary: 'Buy tickets, from a hold or straight from items',
    description:
      'paid: tickets are in the answer. pending_payment (Stripe): pay with payment.clientSecret; tickets follow the webhook.',
    operationId: 'purchaseTickets',
  })
  @ApiCreatedResponse({ type: PurchaseDto })
  @ApiProblems(400, 401, 402, 403, 404, 409, 422, 503)
  purchase(
    @CurrentActor() actor: Actor,
    @Body() dto: PurchaseRequestDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PurchaseDto> {
    return this.sales.purchase(actor, dto, key);
  }

  @Get('purchases/:id')
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiOperation({ summary: 'One purchase (yours, or any for staff)', operationId: 'getPurchase' })
  @ApiOkResponse({ type: PurchaseDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @id() purchaseId: string): Promise<PurchaseDto> {
    return this.sales.get(actor, purchaseId);
  }

  @Post('purchases/:id/paypal/capture')
  @HttpCode(200)
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiOperation({
    summary: 'Capture a PayPal order the buyer approved; the purchase becomes paid',
    operationId: 'capturePayPal',
  })
  @ApiOkResponse({ type: PurchaseDto })
  @ApiProblems(400, 401, 404, 409, 422, 503)
  capturePayPal(@CurrentActor() actor: Actor, @id() purchaseId: string): Promise<PurchaseDto> {
    return this.sales.capturePayPal(actor, purchaseId);
  }

  @Post('purchases/:id/payment/resume')
  @HttpCode(200)
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiOperation({
    summary: "Pay a pending purchase again: its payment's client secret (Stripe) or order id (PayPal)",
    description:
      'For the buyer, after a declined card, a closed page or a return from the bank, while the tickets are held ' +
      '(payableUntil). 409 PAYMENT_NOT_PENDING once it is paid, canceled or no longer payable at the provider; ' +
      '409 HOLD_EXPIRED once the hold is over.',
    operationId: 'resumePayment',
  })
  @ApiOkResponse({ type: PurchaseDto })
  @ApiProblems(400, 401, 403, 404, 409, 503)
  resumePayment(@CurrentActor() actor: Actor, @id() purchaseId: string): Promise<PurchaseDto> {
    return this.sales.resumePayment(actor, purchaseId);
  }

  @Get('purchases/:id/history')
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiOperation({
    summary: "A purchase's event history (created, paid, tickets issued, refunded, ...)",
    operationId: 'getPurchaseHistory',
  })
  @ApiOkResponse({ type: PurchaseHistoryDto })
  @ApiProblems(400, 401, 404)
  history(@CurrentActor() actor: Actor, @id() purchaseId: string): Promise<PurchaseHistoryDto> {
    return this.sales.history(actor, purchaseId);
  }

  @Get('me/purchases')
  @Authenticated()
  @ApiOperation({ summary: 'Your purchases, newest first', operationId: 'listMyPurchases' })
  @ApiOkResponse({ type: PurchaseListDto })
  @ApiProblems(400, 401)
  mine(@CurrentActor() actor: UserActor, @Query() page: PageQueryDto): Promise<PurchaseListDto> {
    return this.sales.list({ limit: page.limit, offset: page.offset }, actor.userId);
  }

  @Get('purchases')
  @Roles('box_office', 'support_agent')
  @ApiOperation({ summary: 'Search purchases (staff)', operationId: 'searchPurchases' })
  @ApiOkResponse({ type: PurchaseListDto })
  @ApiProblems(400, 401, 403)
  search(@Query() query: PurchaseQueryDto): Promise<PurchaseListDto> {
    return this.sales.list(query);
  }

  @Get('events/:id/refund-progress')
  @Roles('event_manager', 'box_office', 'support_agent')
  @ApiOperation({ summary: 'How far the refunds of a canceled event have come', operationId: 'getRefundProgress' })
  @ApiOkResponse({ type: RefundProgressDto })
  @ApiProblems(400, 401, 403)
  refundProgress(@id() eventId: string): Promise<RefundProgressDto> {
    return this.refunds.refundProgress(eventId);
  }

  @Post('purchases/:id/refunds')
  @Roles('box_office', 'support_agent')
  @ApiOperation({
    summary: 'Refund all or some tickets, fully or partly, through the payment provider',
    operationId: 'refundPurchase',
  })
  @ApiCreatedResponse({ type: PurchaseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 503)
  refund(
    @CurrentActor() actor: UserActor,
    @id() purchaseId: string,
    @Body() dto: RefundRequestDto,
  ): Promise<PurchaseDto> {
    return this.sales.refund(actor, purchaseId, dto);
  }
}
