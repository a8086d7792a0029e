import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { PRICE_RULE_KINDS } from '../pricing-engine.js';
import { Nested } from '../../../platform/http/validators.js';

export class AdjustmentDto {
  @ApiProperty({ enum: ['percent', 'amount'], description: 'A percentage of the running price, or minor units.' })
  @IsIn(['percent', 'amount'])
  type: 'percent' | 'amount';

  @ApiProperty({ description: 'Percent (may be negative, above -100) or minor units (negative: off).', example: 10 })
  @IsInt()
  @Min(-10_000_000)
  @Max(10_000_000)
  value: number;
}

export class ThresholdDto {
  @ApiProperty({ description: 'Share of the capacity sold, percent (above 0, at most 100).', example: 50 })
  @IsNumber()
  @Min(0)
  @Max(100)
  percent: number;

  @ApiProperty({ type: AdjustmentDto })
  @Nested(() => AdjustmentDto)
  adjustment: AdjustmentDto;
}

export class PriceRuleDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Kept when given; new rules get one.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({
    enum: PRICE_RULE_KINDS,
    description:
      'time_step: an adjustment within a time window (early bird until a date; a rise from N days before the event). ' +
      'sell_through: the highest threshold of the share sold that is reached. ' +
      'sales_velocity: sales over the last windowMinutes against a target.',
  })
  @IsIn(PRICE_RULE_KINDS)
  kind: (typeof PRICE_RULE_KINDS)[number];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 80, example: 'Early bird' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  label?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'time_step: starts at.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'time_step: starts this many days before the event.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  fromDaysBeforeEvent?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'time_step: ends at.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'time_step: ends this many days before the event.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  untilDaysBeforeEvent?: number | null;

  @ApiPropertyOptional({ type: AdjustmentDto, description: 'time_step: the adjustment.' })
  @IsOptional()
  @Nested(() => AdjustmentDto)
  adjustment?: AdjustmentDto;

  @ApiPropertyOptional({ type: [ThresholdDto], description: 'sell_through: ascending thresholds.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Nested(() => ThresholdDto, { each: true })
  thresholds?: ThresholdDto[];

  @ApiPropertyOptional({ description: 'sales_velocity: the window, minutes.', minimum: 1, maximum: 10080 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10080)
  windowMinutes?: number;

  @ApiPropertyOptional({ description: 'sales_velocity: tickets expected per window.', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  target?: number;

  @ApiPropertyOptional({ type: AdjustmentDto, nullable: true, description: 'sales_velocity: above the target.' })
  @IsOptional()
  @Nested(() => AdjustmentDto)
  above?: AdjustmentDto | null;

  @ApiPropertyOptional({ type: AdjustmentDto, nullable: true, description: 'sales_velocity: below the target.' })
  @IsOptional()
  @Nested(() => AdjustmentDto)
  below?: AdjustmentDto | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Demand rules: never lowers the price below this.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  floor?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Demand rules: never raises the price above this.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  ceiling?: number | null;
}

export class PricePolicyDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The lowest price, minor units.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  floor?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The highest price, minor units.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  ceiling?: number | null;

  @ApiPropertyOptional({
    description: 'Price points: multiples of this many minor units (50: .00 and .50).',
    default: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  roundTo?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The most the price may rise per hour, minor units (from the last published price).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxRisePerHour?: number | null;
}

export class PutPriceRulesDto {
  @ApiPropertyOptional({ type: PricePolicyDto })
  @IsOptional()
  @Nested(() => PricePolicyDto)
  policy?: PricePolicyDto;

  @ApiProperty({ type: [PriceRuleDto], description: 'In order; an empty list returns the type to its base price.' })
  @IsArray()
  @ArrayMaxSize(20)
  @Nested(() => PriceRuleDto, { each: true })
  rules: PriceRuleDto[];
}

export class AppliedRuleDto {
  @ApiProperty({ description: "The rule's id, or policy:<kind> for the type's own limits." })
  id: string;
  @ApiProperty({ enum: [...PRICE_RULE_KINDS, 'floor', 'ceiling', 'rise_cap', 'rounding', 'promo'] })
  kind: string;
  @ApiProperty({ description: 'Minor units this step added (negative: took off).' })
  effect: number;
  @ApiProperty({ example: 'Early bird until 2027-03-01 00:00 UTC: -20%' })
  explanation: string;
}

export class PolicyViewDto {
  @ApiProperty({ type: Number, nullable: true })
  floor: number | null;
  @ApiProperty({ type: Number, nullable: true })
  ceiling: number | null;
  @ApiProperty()
  roundTo: number;
  @ApiProperty({ type: Number, nullable: true })
  maxRisePerHour: number | null;
}

export class PriceRuleViewDto extends PriceRuleDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;
}

export class PriceRulesDto {
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  basePrice: number;
  @ApiProperty({ description: 'The price on sale now.' })
  currentPrice: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: PolicyViewDto })
  policy: PolicyViewDto;
  @ApiProperty({ type: [PriceRuleViewDto] })
  rules: PriceRuleViewDto[];
  @ApiProperty({ type: [AppliedRuleDto], description: 'Why the current price is what it is.' })
  explanation: AppliedRuleDto[];
}

export class PriceSimulationRequestDto {
  @ApiPropertyOptional({ type: PricePolicyDto, description: 'Default: the saved limits.' })
  @IsOptional()
  @Nested(() => PricePolicyDto)
  policy?: PricePolicyDto;

  @ApiPropertyOptional({ type: [PriceRuleDto], description: 'Default: the saved rules.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Nested(() => PriceRuleDto, { each: true })
  rules?: PriceRuleDto[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: the start of the event.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({ description: 'Points per series.', minimum: 2, maximum: 200, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(200)
  points?: number;

  @ApiPropertyOptional({
    type: [Number],
    description: 'One series per share sold, percent.',
    default: [0, 25, 50, 75, 100],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @IsNumber({}, { each: true })
  @Min(0, { each: true })
  @Max(100, { each: true })
  sellThrough?: number[];

  @ApiPropertyOptional({ description: 'Sales speed assumed for sales-speed rules, tickets per hour.', default: 0 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  salesPerHour?: number;
}

export class SimulationPointDto {
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty()
  price: number;
  @ApiProperty({ type: [String], description: 'Ids (or policy:<kind>) of what applied.' })
  applied: string[];
}

export class SimulationSeriesDto {
  @ApiProperty({ description: 'Share sold, percent.' })
  sellThrough: number;
  @ApiProperty({ type: [SimulationPointDto] })
  points: SimulationPointDto[];
}

export class PriceSimulationDto {
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty()
  basePrice: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ format: 'date-time' })
  from: string;
  @ApiProperty({ format: 'date-time' })
  until: string;
  @ApiProperty({ type: [SimulationSeriesDto] })
  series: SimulationSeriesDto[];
}

export class PriceHistoryQueryDto extends PageQueryDto {}

export class PriceHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  price: number;
  @ApiProperty({ type: Number, nullable: true })
  previousPrice: number | null;
  @ApiProperty()
  currency: string;
  @ApiProperty({ enum: ['schedule', 'sale', 'rules_changed', 'base_changed'] })
  reason: string;
  @ApiProperty({ type: [AppliedRuleDto] })
  rules: AppliedRuleDto[];
  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}

export class PriceHistoryListDto {
  @ApiProperty({ type: [PriceHistoryEntryDto] })
  items: PriceHistoryEntryDto[];
  @ApiProperty()
  total: number;
}

export class PriceChangeDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty()
  price: number;
  @ApiProperty({ type: Number, nullable: true })
  previousPrice: number | null;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: [AppliedRuleDto] })
  rules: AppliedRuleDto[];
  @ApiProperty({ format: 'date-time' })
  at: string;
}
