import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { IsDateTimeWithOffset } from '../../../platform/http/validators.js';

export const TICKET_TYPE_STATUSES = ['on_sale', 'sold_out', 'not_yet_on_sale', 'sales_ended'] as const;
export type TicketTypeStatus = (typeof TICKET_TYPE_STATUSES)[number];

export const SALES_CHANNELS = ['web', 'box_office', 'vendor'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export class TicketTypeQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;

  @ApiPropertyOptional({ description: 'Unlock code: also lists the hidden types it opens.', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: SALES_CHANNELS, description: 'Only types this channel may sell.' })
  @IsOptional()
  @IsIn(SALES_CHANNELS)
  channel?: SalesChannel;
}

export class CreateTicketTypeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;

  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Standing' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ description: 'Base price in minor units (cents).', minimum: 0, example: 4500 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({ minimum: 0, description: 'General-admission capacity.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  capacity?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTimeWithOffset()
  salesStartAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTimeWithOffset()
  salesEndAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxPerOrder?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minPerOrder?: number;

  @ApiPropertyOptional({ example: 'general', maxLength: 50, description: 'Which zones it admits to (see validation).' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_-]{1,50}$/, { message: 'accessLevel must be lower-case letters, digits, _ or -' })
  accessLevel?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reserved seating: sells the seats of this price zone.' })
  @IsOptional()
  @IsUUID()
  priceZoneId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Reserved seating: sells the seats of these sections (with priceZoneId: only that zone within them).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sectionIds?: string[];

  @ApiPropertyOptional({ enum: SALES_CHANNELS, isArray: true, default: SALES_CHANNELS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SALES_CHANNELS, { each: true })
  channels?: SalesChannel[];

  @ApiPropertyOptional({
    description: 'Hidden until a buyer enters this code (stored hashed).',
    minLength: 4,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]{4,64}$',
    example: 'PRESALE-2027',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{4,64}$/, { message: 'unlockCode must be 4-64 letters, digits, _ or -' })
  unlockCode?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}

/** Every field optional; capacity, the sale window and unlockCode may be null to clear them. */
export class UpdateTicketTypeDto extends PartialType(
  OmitType(CreateTicketTypeDto, [
    'eventId',
    'capacity',
    'salesStartAt',
    'salesEndAt',
    'unlockCode',
    'priceZoneId',
  ] as const),
) {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @ValidateIf((o: UpdateTicketTypeDto) => o.capacity !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  capacity?: number | null;

  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateTicketTypeDto) => o.salesStartAt !== null)
  @IsDateTimeWithOffset()
  salesStartAt?: string | null;

  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateTicketTypeDto) => o.salesEndAt !== null)
  @IsDateTimeWithOffset()
  salesEndAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'PRESALE-2027', pattern: '^[A-Za-z0-9_-]{4,64}$' })
  @IsOptional()
  @ValidateIf((o: UpdateTicketTypeDto) => o.unlockCode !== null)
  @Matches(/^[A-Za-z0-9_-]{4,64}$/, { message: 'unlockCode must be 4-64 letters, digits, _ or -' })
  unlockCode?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateTicketTypeDto) => o.priceZoneId !== null)
  @IsUUID()
  priceZoneId?: string | null;
}

export class TicketTypeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ description: 'Current price in minor units (dynamic pricing may move it from the base price).' })
  price: number;
  @ApiProperty({ description: 'Base price in minor units, the one set on the ticket type; price rules start from it.' })
  basePrice: number;
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tickets left; null when the type has no capacity of its own.',
  })
  available: number | null;
  @ApiProperty({ enum: TICKET_TYPE_STATUSES })
  status: TicketTypeStatus;
  @ApiProperty({ type: Number, nullable: true })
  capacity: number | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  salesStartAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  salesEndAt: string | null;
  @ApiProperty()
  minPerOrder: number;
  @ApiProperty()
  maxPerOrder: number;
  @ApiProperty()
  accessLevel: string;
  @ApiProperty({ enum: ['general_admission', 'reserved'] })
  kind: 'general_admission' | 'reserved';
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  priceZoneId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' })
  sectionIds: string[];
  @ApiProperty({ enum: SALES_CHANNELS, isArray: true })
  channels: SalesChannel[];
  @ApiProperty({ description: 'Shown only to buyers with its unlock code (and to staff).' })
  hidden: boolean;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty()
  sortOrder: number;
}

export class TicketTypeListDto {
  @ApiProperty({ type: [TicketTypeDto] })
  items: TicketTypeDto[];
  @ApiProperty()
  total: number;
}
