import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';

export const TICKET_TYPE_STATUSES = ['on_sale', 'sold_out', 'not_yet_on_sale', 'sales_ended'] as const;
export type TicketTypeStatus = (typeof TICKET_TYPE_STATUSES)[number];

export class TicketTypeQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;
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
  @IsISO8601({ strict: true })
  salesStartAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  salesEndAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxPerOrder?: number;

  @ApiPropertyOptional({ example: 'general', maxLength: 50 })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_-]{1,50}$/, { message: 'accessLevel must be lower-case letters, digits, _ or -' })
  accessLevel?: string;
}

export class TicketTypeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ description: 'Current price in minor units.' })
  price: number;
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
  maxPerOrder: number;
  @ApiProperty()
  accessLevel: string;
}

export class TicketTypeListDto {
  @ApiProperty({ type: [TicketTypeDto] })
  items: TicketTypeDto[];
  @ApiProperty()
  total: number;
}
