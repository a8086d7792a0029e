import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiScopes, CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { DevicesService } from './devices.service.js';
import { EntryStatsDto } from './dto/entry-stats.dto.js';
import { EntryStatsService } from './entry-stats.service.js';
import {
  OfflineBatchDto,
  OfflineBatchResultDto,
  RegisterDeviceDto,
  RegisteredDeviceDto,
  ScannerDeviceDto,
  ScannerDeviceListDto,
  ValidationFlagListDto,
} from './dto/devices.dto.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { ValidateRequestDto, ValidationResultDto } from './dto/validate.dto.js';
import { ValidationService } from './validation.service.js';

const eventId = () => Param('id', new ParseUUIDPipe());

export class FlagQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'all'])
  status?: 'open' | 'all';
}

@ApiTags('validation')
@Controller()
export class ValidationController {
  constructor(
    private readonly validation: ValidationService,
    private readonly devices: DevicesService,
    private readonly entryStats: EntryStatsService,
  ) {}

  @Post('tickets/validate/batch')
  @HttpCode(200)
  @Roles('scanner')
  @ApiScopes('tickets:validate')
  @ApiOperation({
    summary: 'Upload scans made offline: applied in scan-time order; double admissions are flagged for staff',
    operationId: 'validateOfflineBatch',
  })
  @ApiOkResponse({ type: OfflineBatchResultDto })
  @ApiProblems(400, 401, 403, 404)
  batch(@CurrentActor() actor: Actor, @Body() dto: OfflineBatchDto): Promise<OfflineBatchResultDto> {
    return this.validation.validateBatch(actor, dto.scans);
  }

  @Post('events/:id/scanner-devices')
  @Roles()
  @ApiOperation({
    summary: 'Register a scanner device for an event (and gate); its key is shown once',
    operationId: 'registerScannerDevice',
  })
  @ApiCreatedResponse({ type: RegisteredDeviceDto })
  @ApiProblems(400, 401, 403, 404, 422)
  register(
    @CurrentActor() actor: UserActor,
    @eventId() id: string,
    @Body() dto: RegisterDeviceDto,
  ): Promise<RegisteredDeviceDto> {
    return this.devices.register(actor, id, dto);
  }

  @Get('events/:id/scanner-devices')
  @Roles('event_manager')
  @ApiOperation({ summary: "The event's scanner devices", operationId: 'listScannerDevices' })
  @ApiOkResponse({ type: ScannerDeviceListDto })
  @ApiProblems(400, 401, 403)
  listDevices(@eventId() id: string): Promise<ScannerDeviceListDto> {
    return this.devices.list(id);
  }

  @Post('scanner-devices/:id/lock')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Lock a device: its scans are refused until unlocked', operationId: 'lockScannerDevice' })
  @ApiOkResponse({ type: ScannerDeviceDto })
  @ApiProblems(400, 401, 403, 404)
  lock(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ScannerDeviceDto> {
    return this.devices.setLocked(actor, id, true);
  }

  @Post('scanner-devices/:id/unlock')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Unlock a device', operationId: 'unlockScannerDevice' })
  @ApiOkResponse({ type: ScannerDeviceDto })
  @ApiProblems(400, 401, 403, 404)
  unlock(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ScannerDeviceDto> {
    return this.devices.setLocked(actor, id, false);
  }

  @Delete('scanner-devices/:id')
  @HttpCode(204)
  @Roles()
  @ApiOperation({ summary: 'Revoke a device and its key for good', operationId: 'revokeScannerDevice' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async revoke(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.devices.revoke(actor, id);
  }

  @Get('events/:id/validation-flags')
  @Roles('event_manager', 'scanner')
  @ApiOperation({
    summary: 'What staff should look at: double admissions, suspicious scan patterns, with their evidence',
    operationId: 'listValidationFlags',
  })
  @ApiOkResponse({ type: ValidationFlagListDto })
  @ApiProblems(400, 401, 403)
  flags(@eventId() id: string, @Query() query: FlagQueryDto): Promise<ValidationFlagListDto> {
    return this.devices.flags(id, (query.status ?? 'open') === 'open');
  }

  @Post('validation-flags/:id/resolve')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Mark a flag as dealt with', operationId: 'resolveValidationFlag' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async resolve(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.devices.resolve(actor, id);
  }

  @Post('tickets/validate')
  @HttpCode(200)
  @Roles('scanner')
  @ApiScopes('tickets:validate')
  @ApiOperation({
    summary: 'Scan a ticket at a gate: admitted or rejected with a reason; every scan is logged',
    operationId: 'validateTicket',
  })
  @ApiOkResponse({ type: ValidationResultDto })
  @ApiProblems(400, 401, 403, 404)
  validate(@CurrentActor() actor: Actor, @Body() dto: ValidateRequestDto): Promise<ValidationResultDto> {
    return this.validation.validate(actor, dto);
  }

  @Get('events/:id/entry-stats')
  @Roles('event_manager', 'scanner')
  @ApiOperation({
    summary: 'Live entry analytics: admitted by gate and 5-minute slot, no-shows, occupancy per zone',
    operationId: 'getEntryStats',
  })
  @ApiOkResponse({ type: EntryStatsDto })
  @ApiProblems(400, 401, 403, 404)
  stats(@eventId() id: string): Promise<EntryStatsDto> {
    return this.entryStats.stats(id);
  }
}
