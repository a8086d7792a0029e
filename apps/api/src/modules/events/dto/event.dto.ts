import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
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
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time with an offset' })
  startsAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time with an offset' })
  endsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'doorsAt must be an ISO 8601 date-time with an offset' })
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
}

export class VenueSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
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
}

export class EventListDto {
  @ApiProperty({ type: [EventDto] })
  items: EventDto[];
  @ApiProperty()
  total: number;
}
