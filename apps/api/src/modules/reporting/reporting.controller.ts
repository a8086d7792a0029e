import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CheckInReportDto,
  CheckInReportQueryDto,
  CreateReportExportDto,
  DashboardSummaryDto,
  ReportRunDto,
  SalesReportDto,
  SalesReportQueryDto,
  SummaryQueryDto,
} from './dto/reports.dto.js';
import { ReportExportService } from './report-export.service.js';
import { ReportingService } from './reporting.service.js';

@ApiTags('reports')
@Controller('reports')
@Roles('event_manager')
export class ReportingController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly exports: ReportExportService,
  ) {}

  @Get('sales')
  @ApiOperation({
    summary:
      'Sales and revenue by event, ticket type, channel or day: gross, refunds, net, average price, sell-through',
    operationId: 'salesReport',
  })
  @ApiOkResponse({ type: SalesReportDto })
  @ApiProblems(400, 401, 403, 422)
  sales(@Query() query: SalesReportQueryDto): Promise<SalesReportDto> {
    return this.reporting.sales(query);
  }

  @Get('check-ins')
  @ApiOperation({
    summary: 'Check-in rates by event or gate, for events starting in the range',
    operationId: 'checkInReport',
  })
  @ApiOkResponse({ type: CheckInReportDto })
  @ApiProblems(400, 401, 403, 422)
  checkIns(@Query() query: CheckInReportQueryDto): Promise<CheckInReportDto> {
    return this.reporting.checkIns(query);
  }

  @Get('summary')
  @ApiOperation({
    summary: "The dashboard's key figures: today's sales, the last 30 days, today's events live, the support backlog",
    operationId: 'dashboardSummary',
  })
  @ApiOkResponse({ type: DashboardSummaryDto })
  @ApiProblems(400, 401, 403)
  summary(@Query() query: SummaryQueryDto): Promise<DashboardSummaryDto> {
    return this.reporting.summary(query.tz);
  }

  @Post('exports')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Export a report as CSV or XLSX: produced by the Report Worker; poll the run for progress and the link',
    operationId: 'createReportExport',
  })
  @ApiAcceptedResponse({ type: ReportRunDto })
  @ApiProblems(400, 401, 403, 422)
  createExport(@CurrentActor() actor: UserActor, @Body() dto: CreateReportExportDto): Promise<ReportRunDto> {
    return this.exports.request(actor, dto);
  }

  @Get('exports/:id')
  @ApiOperation({
    summary: 'An export: status, progress, and a signed download link once it succeeded',
    operationId: 'getReportExport',
  })
  @ApiOkResponse({ type: ReportRunDto })
  @ApiProblems(400, 401, 403, 404)
  getExport(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ReportRunDto> {
    return this.exports.get(actor, id);
  }
}
