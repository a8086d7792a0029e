import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../report-run.entity.js';

const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const RANGE_DOC =
  'A date (YYYY-MM-DD, midnight in `tz`) or an ISO 8601 date-time with an offset. A plain `to` date is inclusive.';

export class ReportRangeQueryDto {
  @ApiPropertyOptional({ description: `${RANGE_DOC} Default: 29 days before today.`, example: '2027-03-01' })
  @IsOptional()
  @Matches(DATE_OR_DATE_TIME, { message: 'from must be a date (YYYY-MM-DD) or a date-time with an offset' })
  from?: string;

  @ApiPropertyOptional({
    description: `${RANGE_DOC} Default: today. At most two years after from.`,
    example: '2027-03-31',
  })
  @IsOptional()
  @Matches(DATE_OR_DATE_TIME, { message: 'to must be a date (YYYY-MM-DD) or a date-time with an offset' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({
    description: 'IANA time zone for days and plain dates.',
    default: 'UTC',
    example: 'Europe/Amsterdam',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;
}

export const SALES_GROUPS = ['event', 'ticket_type', 'channel', 'day'] as const;
export const CHECK_IN_GROUPS = ['event', 'gate'] as const;

export class SalesReportQueryDto extends ReportRangeQueryDto {
  @ApiPropertyOptional({ enum: SALES_GROUPS, default: 'event' })
  @IsOptional()
  @IsIn(SALES_GROUPS)
  groupBy?: (typeof SALES_GROUPS)[number];
}

export class CheckInReportQueryDto extends ReportRangeQueryDto {
  @ApiPropertyOptional({ enum: CHECK_IN_GROUPS, default: 'event' })
  @IsOptional()
  @IsIn(CHECK_IN_GROUPS)
  groupBy?: (typeof CHECK_IN_GROUPS)[number];
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ description: 'IANA time zone that says when "today" is.', default: 'UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;
}

export class SalesFiguresDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ description: 'Paid purchases.' })
  purchases: number;
  @ApiProperty({ description: 'Tickets sold.' })
  tickets: number;
  @ApiProperty({ description: 'Of those, tickets refunded since.' })
  ticketsRefunded: number;
  @ApiProperty({ description: 'Gross revenue, minor units.' })
  gross: number;
  @ApiProperty({ description: 'Refunded, minor units.' })
  refunds: number;
  @ApiProperty({ description: 'Net revenue (gross - refunds), minor units.' })
  net: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Gross / tickets, minor units, rounded.' })
  averagePrice: number | null;
}

export class SalesReportRowDto extends SalesFiguresDto {
  @ApiProperty({ description: 'Event id, ticket type id, channel, or day (YYYY-MM-DD).' })
  key: string;
  @ApiProperty({ description: 'Event or ticket type name, channel, or day.' })
  label: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  eventId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Capacity (events and ticket types with a limit).' })
  capacity: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tickets sold and kept (not refunded) / capacity, 0..1.',
  })
  sellThrough: number | null;
}

export class SalesReportDto {
  @ApiProperty({ format: 'date-time' })
  from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' })
  to: string;
  @ApiProperty()
  tz: string;
  @ApiProperty({ enum: SALES_GROUPS })
  groupBy: string;
  @ApiProperty({ type: [SalesReportRowDto], description: 'One row per group and currency.' })
  items: SalesReportRowDto[];
  @ApiProperty()
  total: number;
  @ApiProperty({ type: [SalesFiguresDto], description: 'Totals, one per currency.' })
  totals: SalesFiguresDto[];
}

export class CheckInReportRowDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  eventName: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  gateId: string | null;
  @ApiProperty({ type: String, nullable: true })
  gateName: string | null;
  @ApiProperty({ description: "The event's valid tickets." })
  tickets: number;
  @ApiProperty({ description: 'Tickets admitted (through this gate, when grouped by gate).' })
  admitted: number;
  @ApiProperty({ description: 'Admitted entry scans, re-entries included.' })
  entries: number;
  @ApiProperty({ description: 'Rejected scans.' })
  rejected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'admitted / tickets, 0..1.' })
  rate: number | null;
}

export class CheckInReportDto {
  @ApiProperty({ format: 'date-time' })
  from: string;
  @ApiProperty({ format: 'date-time' })
  to: string;
  @ApiProperty({ enum: CHECK_IN_GROUPS })
  groupBy: string;
  @ApiProperty({ type: [CheckInReportRowDto] })
  items: CheckInReportRowDto[];
  @ApiProperty()
  total: number;
}

export class TodayEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty()
  status: string;
  @ApiProperty({ description: 'Tickets sold (all ticket types).' })
  sold: number;
  @ApiProperty({ type: Number, nullable: true })
  capacity: number | null;
  @ApiProperty({ description: 'Valid tickets.' })
  tickets: number;
  @ApiProperty()
  admitted: number;
  @ApiProperty({ type: Number, nullable: true, description: 'admitted / tickets, 0..1.' })
  checkInRate: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastScanAt: string | null;
}

export class SupportBacklogDto {
  @ApiProperty()
  open: number;
  @ApiProperty()
  pending: number;
  @ApiProperty()
  unassigned: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average seconds to the first staff reply, tickets opened in the last 30 days.',
  })
  averageFirstResponseSeconds: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average seconds to resolution, tickets opened in the last 30 days.',
  })
  averageResolutionSeconds: number | null;
}

export class DashboardSummaryDto {
  @ApiProperty({ format: 'date-time' })
  generatedAt: string;
  @ApiProperty({ example: '2027-03-14', description: 'Today in tz.' })
  date: string;
  @ApiProperty()
  tz: string;
  @ApiProperty({ type: [SalesFiguresDto], description: "Today's sales, one entry per currency." })
  today: SalesFiguresDto[];
  @ApiProperty({ type: [SalesFiguresDto], description: 'The last 30 days (today included), per currency.' })
  last30Days: SalesFiguresDto[];
  @ApiProperty({ type: [TodayEventDto] })
  events: TodayEventDto[];
  @ApiProperty({ type: SupportBacklogDto })
  support: SupportBacklogDto;
}

export class CreateReportExportDto {
  @ApiProperty({
    enum: REPORT_KINDS,
    description: 'sales: the sales report (groupBy); purchases: one row per paid purchase; check_ins: entry rates.',
  })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;

  @ApiProperty({ description: RANGE_DOC, example: '2027-03-01' })
  @Matches(DATE_OR_DATE_TIME, { message: 'from must be a date (YYYY-MM-DD) or a date-time with an offset' })
  from: string;

  @ApiProperty({ description: RANGE_DOC, example: '2027-03-31' })
  @Matches(DATE_OR_DATE_TIME, { message: 'to must be a date (YYYY-MM-DD) or a date-time with an offset' })
  to: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({
    enum: [...new Set([...SALES_GROUPS, ...CHECK_IN_GROUPS])],
    description: 'For sales: event, ticket_type, channel or day; for check_ins: event or gate.',
  })
  @IsOptional()
  @IsIn([...SALES_GROUPS, ...CHECK_IN_GROUPS])
  groupBy?: string;

  @ApiPropertyOptional({
    description: 'IANA time zone for days and plain dates.',
    default: 'UTC',
    example: 'Europe/Amsterdam',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;
}

export class ReportRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: REPORT_KINDS })
  kind: string;
  @ApiProperty({ enum: REPORT_FORMATS })
  format: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  status: string;
  @ApiProperty({ description: 'Percent done, 0..100.' })
  progress: number;
  @ApiProperty({ description: 'Rows written so far.' })
  rowCount: number;
  @ApiProperty({ type: 'object', additionalProperties: true })
  params: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A signed link to the file, once succeeded; it expires.' })
  downloadUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  downloadExpiresAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}
