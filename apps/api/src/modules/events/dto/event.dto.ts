import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { IsDateTimeWithOffset } from '../../../platform/http/validators.js';
import { EVENT_STATUSES, type EventStatus } from '../game.entity.js';

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text search over name and description.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events starting at or after this time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events starting before this time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;

  @ApiPropertyOptional({
    enum: EVENT_STATUSES,
    description: 'Staff may filter on any status; the public sees published events only.',
  })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

export class CreateEventDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Harbour City FC v Riverside' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-14T19:30:00+01:00' })
  @IsDateTimeWithOffset()
  startsAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTimeWithOffset()
  endsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTimeWithOffset()
  doorsAt?: string;

  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone of the event.' })
  @IsTimeZone({ message: 'timezone must be an IANA time zone such as Europe/Amsterdam' })
  timezone: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'https://cdn.example.com/events/derby.jpg', maxLength: 2000 })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'imageUrl must be an http(s) URL' })
  @MaxLength(2000)
  imageUrl?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    default: 10,
    description: 'Minutes a buyer holds tickets while paying.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  holdMinutes?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 1000,
    description: 'Most tickets one customer may buy for this event, over all their orders; none by default.',
  })
  @IsOptional()
  @ValidateIf((o: CreateEventDto) => o.maxTicketsPerCustomer !== null)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxTicketsPerCustomer?: number | null;
}

/** Every field optional; `endsAt`, `doorsAt`, `venueId`, `description` and `imageUrl` may be null to clear them. */
export class UpdateEventDto extends PartialType(
  OmitType(CreateEventDto, ['endsAt', 'doorsAt', 'venueId', 'description', 'imageUrl'] as const),
) {
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateEventDto) => o.endsAt !== null)
  @IsDateTimeWithOffset()
  endsAt?: string | null;

  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateEventDto) => o.doorsAt !== null)
  @IsDateTimeWithOffset()
  doorsAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateEventDto) => o.venueId !== null)
  @IsUUID()
  venueId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @ValidateIf((o: UpdateEventDto) => o.description !== null)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    example: 'https://cdn.example.com/events/derby.jpg',
  })
  @IsOptional()
  @ValidateIf((o: UpdateEventDto) => o.imageUrl !== null)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'imageUrl must be an http(s) URL' })
  @MaxLength(2000)
  imageUrl?: string | null;
}

export class CancelEventDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Postponed by the league' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class VenueSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
  @ApiProperty({ type: String, nullable: true })
  country: string | null;
  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;
  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'OpenStreetMap link, when the coordinates are known.' })
  mapUrl: string | null;
}

export class EventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  endsAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  doorsAt: string | null;
  @ApiProperty({ example: 'Europe/Amsterdam' })
  timezone: string;
  @ApiProperty({ enum: EVENT_STATUSES })
  status: EventStatus;
  @ApiProperty({ type: VenueSummaryDto, nullable: true })
  venue: VenueSummaryDto | null;
  @ApiProperty({ type: String, nullable: true })
  imageUrl: string | null;
  @ApiProperty({ description: 'Minutes a buyer holds tickets while paying.' })
  holdMinutes: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Most tickets one customer may buy for this event; null for no limit.',
  })
  maxTicketsPerCustomer: number | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;
}

export class EventListDto {
  @ApiProperty({ type: [EventDto] })
  items: EventDto[];
  @ApiProperty()
  total: number;
}
