import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Nested } from '../../../platform/http/validators.js';

export class HoldQuantityDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketTypeId: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(100)
  quantity: number;
}

export class HoldSeatDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  seatId: string;

  @ApiProperty({ format: 'uuid', description: 'The reserved ticket type to sell the seat as.' })
  @IsUUID()
  ticketTypeId: string;
}

export class BestAvailableDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketTypeId: string;

  @ApiProperty({ minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(20)
  quantity: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only within this section.' })
  @IsOptional()
  @IsUUID()
  sectionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only within this price zone.' })
  @IsOptional()
  @IsUUID()
  priceZoneId?: string;
}

export class CreateHoldDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;

  @ApiPropertyOptional({ type: [HoldQuantityDto], description: 'General-admission quantities.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => HoldQuantityDto, { each: true })
  items?: HoldQuantityDto[];

  @ApiPropertyOptional({ type: [HoldSeatDto], description: 'Chosen reserved seats.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => HoldSeatDto, { each: true })
  seats?: HoldSeatDto[];

  @ApiPropertyOptional({
    type: BestAvailableDto,
    description: 'The best N seats: together in one row first, then nearest.',
  })
  @IsOptional()
  @Nested(() => BestAvailableDto)
  bestAvailable?: BestAvailableDto;

  @ApiPropertyOptional({
    enum: ['web', 'mobile', 'box_office'],
    default: 'web',
    description: 'box_office needs the box_office role; API keys always sell as vendor.',
  })
  @IsOptional()
  @IsIn(['web', 'mobile', 'box_office'])
  channel?: 'web' | 'mobile' | 'box_office';

  @ApiPropertyOptional({
    description:
      'A promo code, voucher (it may unlock hidden ticket types) or unlock code; its discount is locked in the hold and redeemed when it is bought.',
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

export class HoldItemDto {
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  seatId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'North Stand F-12' })
  seatLabel: string | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ description: 'Locked unit price, minor units.' })
  unitPrice: number;
  @ApiProperty()
  currency: string;
}

export class HoldDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: ['active', 'converted', 'released', 'expired'] })
  status: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
  @ApiProperty({ description: 'A hold may be extended once.' })
  canExtend: boolean;
  @ApiProperty({ type: [HoldItemDto] })
  items: HoldItemDto[];
  @ApiProperty()
  total: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: [String], description: 'Promo codes whose discounts are locked in.' })
  promoCodes: string[];
}
