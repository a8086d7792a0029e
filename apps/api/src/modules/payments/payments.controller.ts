import { Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../platform/auth/access.decorators.js';
import { PaymentMethodListDto } from './payment-methods.dto.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('methods')
  @Public()
  @ApiOperation({
    summary: 'The ways to pay this deployment takes, for a checkout to offer',
    operationId: 'listPaymentMethods',
  })
  @ApiOkResponse({ type: PaymentMethodListDto })
  methods(): PaymentMethodListDto {
    return { items: this.payments.methods() };
  }

  /** Stripe calls this; it is authenticated by the signature over the raw body, not by a session. */
  @Post('stripe/webhook')
  @HttpCode(200)
  @Public()
  @ApiExcludeEndpoint()
  webhook(@Req() req: FastifyRequest & { rawBody?: Buffer }, @Headers('stripe-signature') signature?: string) {
    return this.payments.stripeWebhook(req.rawBody, signature);
  }
}
