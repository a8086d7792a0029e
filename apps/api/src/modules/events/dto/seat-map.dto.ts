import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsHexColor,
  IsIn,
  IsInt,
  IsNumber,
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
import { HOLD_BACK_KINDS, type HoldBackKind, SEAT_ATTRIBUTES, type SeatAttribute } from '../seat.entity.js';
import { SECTION_KINDS, type SectionKind } from '../section.entity.js';

const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,15}$/;

export class PriceZoneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Category 1' })
  name: string;
  @ApiProperty({ example: '#4f46e5' })
  color: string;
  @ApiProperty()
  sortOrder: number;
}

export class CreatePriceZoneDto {
  @ApiProperty({ example: 'Category 1', minLength: 1, maxLength: 60 })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name: string;

  @ApiPropertyOptional({ example: '#4f46e5' })
  @IsOptional()
  @IsHexColor()
  color?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}

export class UpdatePriceZoneDto extends PartialType(CreatePriceZoneDto) {}

export class SeatDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  sectionId: string;
  @ApiProperty({ example: 'A' })
  row: string;
  @ApiProperty({ example: '12' })
  label: string;
  @ApiProperty({ description: 'Map units; the map is 1000 wide.' })
  x: number;
  @ApiProperty()
  y: number;
  @ApiProperty({ enum: SEAT_ATTRIBUTES, isArray: true })
  attributes: SeatAttribute[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  priceZoneId: string | null;
  @ApiProperty({ enum: HOLD_BACK_KINDS, nullable: true, description: 'House seats and kills are never sold.' })
  heldBack: HoldBackKind | null;
}

export class SectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'North Stand' })
  name: string;
  @ApiProperty({ enum: SECTION_KINDS })
  kind: SectionKind;
  @ApiProperty({ type: Number, nullable: true, description: 'General admission only.' })
  capacity: number | null;
  @ApiProperty()
  x: number;
  @ApiProperty()
  y: number;
  @ApiProperty()
  width: number;
  @ApiProperty()
  height: number;
  @ApiProperty({ example: '#64748b' })
  color: string;
  @ApiProperty()
  sortOrder: number;
  @ApiProperty({ type: [SeatDto] })
  seats: SeatDto[];
}

export class SeatMapTotalsDto {
  @ApiProperty({ description: 'Reserved seats on the map.' })
  seats: number;
  @ApiProperty({ description: 'Reserved seats that can be sold (not house seats or kills).' })
  sellableSeats: number;
  @ApiProperty()
  heldBack: number;
  @ApiProperty({ description: 'Sum of general-admission section capacities.' })
  generalAdmission: number;
}

export class SeatMapDto {
  @ApiProperty({ format: 'uuid' })
  venueId: string;
  @ApiProperty({ description: 'Map width in map units (always 1000).' })
  width: number;
  @ApiProperty({ description: 'Map height in map units, enough for every section.' })
  height: number;
  @ApiProperty({ type: [SectionDto] })
  sections: SectionDto[];
  @ApiProperty({ type: [PriceZoneDto] })
  priceZones: PriceZoneDto[];
  @ApiProperty({ type: SeatMapTotalsDto })
  totals: SeatMapTotalsDto;
}

export class CreateSectionDto {
  @ApiProperty({ example: 'North Stand', minLength: 1, maxLength: 80 })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name: string;

  @ApiProperty({ enum: SECTION_KINDS })
  @IsIn(SECTION_KINDS)
  kind: SectionKind;

  @ApiPropertyOptional({ description: 'Required for general admission.', minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  x?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  y?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 1000 })
  @IsOptional()
  @IsNumber()
  @Min(10)
  @Max(1000)
  width?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 10_000 })
  @IsOptional()
  @IsNumber()
  @Min(10)
  @Max(10_000)
  height?: number;

  @ApiPropertyOptional({ example: '#64748b' })
  @IsOptional()
  @IsHexColor()
  color?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}

export class UpdateSectionDto extends PartialType(CreateSectionDto) {}

export class GenerateSeatsDto {
  @ApiProperty({ minimum: 1, maximum: 200, example: 10 })
  @IsInt()
  @Min(1)
  @Max(200)
  rows: number;

  @ApiProperty({ minimum: 1, maximum: 200, example: 20 })
  @IsInt()
  @Min(1)
  @Max(200)
  seatsPerRow: number;

  @ApiPropertyOptional({
    enum: ['letters', 'numbers'],
    default: 'letters',
    description: 'Row labels A, B, ... or 1, 2, ...',
  })
  @IsOptional()
  @IsIn(['letters', 'numbers'])
  rowLabels?: 'letters' | 'numbers';

  @ApiPropertyOptional({ example: 'A', description: 'First row label (a letter or a number, matching rowLabels).' })
  @IsOptional()
  @IsString()
  @Matches(/^([A-Z]{1,2}|\d{1,3})$/, { message: 'firstRow must be a letter (A-ZZ) or a number' })
  firstRow?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 9999, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  firstSeat?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Price zone for every generated seat.' })
  @IsOptional()
  @IsUUID()
  priceZoneId?: string;

  @ApiPropertyOptional({ description: 'Remove the seats the section has first.', default: false })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

export class UpdateSeatsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 10_000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  seatIds: string[];

  @ApiPropertyOptional({ enum: SEAT_ATTRIBUTES, isArray: true, description: 'Replaces the attributes of every seat.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SEAT_ATTRIBUTES, { each: true })
  attributes?: SeatAttribute[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null clears the zone.' })
  @IsOptional()
  @ValidateIf((o: UpdateSeatsDto) => o.priceZoneId !== null)
  @IsUUID()
  priceZoneId?: string | null;

  @ApiPropertyOptional({ enum: HOLD_BACK_KINDS, nullable: true, description: 'null releases the seats for sale.' })
  @IsOptional()
  @ValidateIf((o: UpdateSeatsDto) => o.heldBack !== null)
  @IsIn(HOLD_BACK_KINDS)
  heldBack?: HoldBackKind | null;
}

export class UpdateSeatDto {
  @ApiPropertyOptional({ example: 'B' })
  @IsOptional()
  @Matches(LABEL, { message: 'row must be 1-16 letters, digits, space, dot, dash or underscore' })
  row?: string;

  @ApiPropertyOptional({ example: '7' })
  @IsOptional()
  @Matches(LABEL, { message: 'label must be 1-16 letters, digits, space, dot, dash or underscore' })
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  x?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  y?: number;
}

export class RemoveSeatsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 10_000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  seatIds: string[];
}

export class ImportSeatMapDto {
  @ApiProperty({
    enum: ['json', 'csv'],
    description:
      'json: the shape of GET seat-map (sections with seats, priceZones; ids ignored). csv: a header line `section,kind,row,seat,x,y,zone,attributes,held_back` then one seat per line (attributes separated by |).',
  })
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv';

  @ApiProperty({ description: 'The file content.', maxLength: 900_000 })
  @IsString()
  @MinLength(1)
  @MaxLength(900_000)
  content: string;

  @ApiPropertyOptional({
    description: 'Replace the whole map (sections, seats, zones) instead of adding to it.',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

export class ImportResultDto {
  @ApiProperty()
  sections: number;
  @ApiProperty()
  seats: number;
  @ApiProperty()
  priceZones: number;
}

export class SeatMapExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SeatsChangedDto {
  @ApiProperty({ description: 'Seats changed.' })
  changed: number;
}
