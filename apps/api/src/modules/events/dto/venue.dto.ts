import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsISO31661Alpha2,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';

export class VenueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or city.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateVenueDto {
  @ApiProperty({ example: 'Harbour Arena', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Quay Street 1', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '3011 AA', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Rotterdam', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ example: 'NL', description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country?: string;

  @ApiPropertyOptional({ example: 51.9054, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @ApiPropertyOptional({ example: 4.4666, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  @IsTimeZone({ message: 'timezone must be an IANA time zone such as Europe/Amsterdam' })
  timezone: string;

  @ApiPropertyOptional({ description: 'Look the coordinates up from the address (needs GEOCODER_URL).' })
  @IsOptional()
  @IsBoolean()
  geocode?: boolean;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class VenueDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
  @ApiProperty({ type: String, nullable: true })
  postalCode: string | null;
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
  @ApiProperty({ type: String, nullable: true })
  country: string | null;
  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;
  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;
  @ApiProperty({ type: Number, nullable: true })
  capacity: number | null;
  @ApiProperty({ example: 'Europe/Amsterdam' })
  timezone: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'OpenStreetMap link to the venue, when its coordinates are known.',
  })
  mapUrl: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  geocodedAt: string | null;
}

export class VenueListDto {
  @ApiProperty({ type: [VenueDto] })
  items: VenueDto[];
  @ApiProperty()
  total: number;
}
