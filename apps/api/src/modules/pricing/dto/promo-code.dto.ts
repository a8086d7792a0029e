import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { AppliedRuleDto } from './price-rules.dto.js';
import { Nested } from '../../../platform/http/validators.js';

export class CreatePromoCodeDto {
  @ApiProperty({ description: 'What buyers type (any case; stored upper case).', example: 'SUMMER10', maxLength: 40 })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/, {
    message: 'code must be 3 to 40 letters, digits, dashes or underscores',
  })
  code: string;

  @ApiProperty({ enum: ['percent', 'amount'] })
  @IsIn(['percent', 'amount'])
  kind: 'percent' | 'amount';

  @ApiProperty({ description: 'Percent (0-100) or minor units off each ticket; 0 for a voucher that only unlocks.' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  value: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description: 'The ticket types it discounts; none: every type of the event.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ticketTypeIds?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description: 'Hidden ticket types this voucher unlocks.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unlocksTicketTypeIds?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Uses in total (one per purchase).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxUses?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Uses per customer account.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxUsesPerCustomer?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string | null;

  @ApiPropertyOptional({ default: false, description: 'May be combined with other stackable codes.' })
  @IsOptional()
  @IsBoolean()
  stackable?: boolean;
}

export class UpdatePromoCodeDto {
  @ApiPropertyOptional({ description: 'false deactivates the code at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Never below the uses so far.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxUses?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string | null;
}

export class PromoCodeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  code: string;
  @ApiProperty({ enum: ['percent', 'amount'] })
  kind: string;
  @ApiProperty()
  value: number;
  @ApiProperty({ type: [String] })
  ticketTypeIds: string[];
  @ApiProperty({ type: [String] })
  unlocksTicketTypeIds: string[];
  @ApiProperty({ type: Number, nullable: true })
  maxUses: number | null;
  @ApiProperty()
  used: number;
  @ApiProperty({ type: Number, nullable: true })
  maxUsesPerCustomer: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  validFrom: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  validUntil: string | null;
  @ApiProperty()
  stackable: boolean;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PromoCodeListDto {
  @ApiProperty({ type: [PromoCodeDto] })
  items: PromoCodeDto[];
  @ApiProperty()
  total: number;
}

export class PromoCodeQueryDto extends PageQueryDto {}

export class QuoteItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketTypeId: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  quantity: number;
}

export class PriceQuoteRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;

  @ApiProperty({ type: [QuoteItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => QuoteItemDto, { each: true })
  items: QuoteItemDto[];

  @ApiPropertyOptional({ description: 'A promo code, voucher or unlock code.', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  promoCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Several codes (only stackable codes combine).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  promoCodes?: string[];
}

export class QuoteLineDto {
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ description: 'The ticket type’s base price.' })
  basePrice: number;
  @ApiProperty({ description: 'The current price, before codes.' })
  listPrice: number;
  @ApiProperty({ description: 'What one ticket costs with the codes: what a purchase now charges.' })
  unitPrice: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: [AppliedRuleDto], description: 'Why: the price rules, then the codes.' })
  explanation: AppliedRuleDto[];
}

export class QuotePromoDto {
  @ApiProperty()
  code: string;
  @ApiProperty({ enum: ['percent', 'amount'] })
  kind: string;
  @ApiProperty()
  value: number;
  @ApiProperty({ type: [String], description: 'Hidden ticket types it unlocks.' })
  unlocksTicketTypeIds: string[];
}

export class PriceQuoteDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ type: [QuoteLineDto] })
  items: QuoteLineDto[];
  @ApiProperty({ description: 'Send it as expectedTotal with the purchase.' })
  total: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: [QuotePromoDto] })
  promoCodes: QuotePromoDto[];
}
