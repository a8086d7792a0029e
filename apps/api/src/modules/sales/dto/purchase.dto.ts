import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { BestAvailableDto, HoldQuantityDto, HoldSeatDto } from '../../inventory/dto/hold.dto.js';
import { PAYMENT_METHODS } from '../../payments/payment.entity.js';
import { IssuedTicketDto } from '../../tickets/dto/issued-ticket.dto.js';
import { CHANNELS, PURCHASE_STATUSES } from '../purchase.entity.js';
import { PURCHASE_EVENT_TYPES, type PurchaseEventType } from '../purchase-event.entity.js';
import { Nested } from '../../../platform/http/validators.js';

export class PaymentInputDto {
  @ApiProperty({
    enum: ['sandbox', 'stripe', 'paypal', 'cash', 'card_terminal'],
    description:
      'cash and card_terminal are for box-office staff; paypal answers pending_payment with the order id in payment.clientSecret.',
  })
  @IsIn(['sandbox', 'stripe', 'paypal', 'cash', 'card_terminal'])
  method: 'sandbox' | 'stripe' | 'paypal' | 'cash' | 'card_terminal';

  @ApiPropertyOptional({
    description: 'Sandbox: sandbox_ok or sandbox_decline. Stripe: an optional PaymentMethod id to confirm at once.',
    maxLength: 255,
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  token?: string;
}

export class BuyerDto {
  @ApiPropertyOptional({ format: 'email', maxLength: 254, example: 'buyer@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'buyer.email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;
}

export class PurchaseRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Buy what this hold holds, at its locked prices.' })
  @IsOptional()
  @IsUUID()
  holdId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With items/seats/bestAvailable: buy straight away without a hold.',
  })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ type: [HoldQuantityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => HoldQuantityDto, { each: true })
  items?: HoldQuantityDto[];

  @ApiPropertyOptional({ type: [HoldSeatDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => HoldSeatDto, { each: true })
  seats?: HoldSeatDto[];

  @ApiPropertyOptional({ type: BestAvailableDto })
  @IsOptional()
  @Nested(() => BestAvailableDto)
  bestAvailable?: BestAvailableDto;

  @ApiProperty({ type: PaymentInputDto })
  @Nested(() => PaymentInputDto)
  payment: PaymentInputDto;

  @ApiPropertyOptional({ type: BuyerDto, description: 'Staff and vendor sales: who the tickets are for.' })
  @IsOptional()
  @Nested(() => BuyerDto)
  buyer?: BuyerDto;

  @ApiPropertyOptional({
    enum: ['web', 'mobile', 'box_office'],
    description: 'Defaults to web (box_office for counter payments; API keys sell as vendor).',
  })
  @IsOptional()
  @IsIn(['web', 'mobile', 'box_office'])
  channel?: 'web' | 'mobile' | 'box_office';

  @ApiPropertyOptional({
    description: 'The total the buyer was shown; a different current total is 409 PRICE_CHANGED.',
    minimum: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  expectedTotal?: number;

  @ApiPropertyOptional({
    description:
      'A promo code, voucher or unlock code for a purchase without a hold (a hold locks its codes when it is made). ' +
      'Redeemed in the purchase; 422 PROMO_* when it is unknown, for another event, expired, used up or not stackable.',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  promoCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Several codes: only stackable promo codes combine.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  promoCodes?: string[];
}

export class PurchaseItemDto {
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  seatId: string | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ description: 'Minor units.' })
  unitPrice: number;
}

export class PaymentSummaryDto {
  @ApiProperty({ enum: PAYMENT_METHODS })
  method: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'canceled'] })
  status: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Stripe: confirm the payment in the browser with this (Stripe's Payment Element).",
  })
  clientSecret?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Stripe publishable key for the Payment Element.' })
  publishableKey?: string | null;
}

export class PurchaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: PURCHASE_STATUSES })
  status: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ description: 'Minor units.' })
  total: number;
  @ApiProperty()
  refundedAmount: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ enum: CHANNELS })
  channel: string;
  @ApiProperty({ type: [PurchaseItemDto] })
  items: PurchaseItemDto[];
  @ApiProperty({ type: [IssuedTicketDto], description: 'Present once paid.' })
  tickets: IssuedTicketDto[];
  @ApiProperty({ type: PaymentSummaryDto })
  payment: PaymentSummaryDto;
  @ApiProperty({ type: String, nullable: true })
  buyerEmail: string | null;
  @ApiProperty({ type: String, nullable: true })
  buyerName: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  paidAt: string | null;
  @ApiProperty({
    format: 'date-time',
    type: String,
    nullable: true,
    description:
      'pending_payment: until when the tickets stay held for this payment (see resumePayment); null otherwise.',
  })
  payableUntil: string | null;
}

export class PurchaseListDto {
  @ApiProperty({ type: [PurchaseDto] })
  items: PurchaseDto[];
  @ApiProperty()
  total: number;
}

export class PurchaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Purchase id, or part of the buyer email or name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ enum: PURCHASE_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;
}

export class RefundRequestDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Refund these tickets (default: every valid ticket).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ticketIds?: string[];

  @ApiPropertyOptional({
    description: 'Money to return, minor units (default: what the tickets cost). Less is a partial refund.',
    minimum: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  amount?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PurchaseEventDto {
  @ApiProperty()
  seq: number;
  @ApiProperty({ enum: PURCHASE_EVENT_TYPES })
  type: PurchaseEventType;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class PurchaseHistoryDto {
  @ApiProperty({ type: [PurchaseEventDto] })
  items: PurchaseEventDto[];
  @ApiProperty()
  total: number;
}

export class RefundProgressDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ description: 'Purchases that were paid.' })
  total: number;
  @ApiProperty()
  refunded: number;
  @ApiProperty()
  remaining: number;
}
