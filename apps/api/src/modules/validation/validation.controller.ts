import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiScopes, CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { AccessSetupService } from './access-setup.service.js';
import {
  AccessSetupDto,
  CheckInListDto,
  CreateCheckInListDto,
  CreateGateDto,
  CreateZoneDto,
  GateDto,
  ZoneDto,
} from './dto/access-setup.dto.js';
import { ValidateRequestDto, ValidationResultDto } from './dto/validate.dto.js';
import { ValidationService } from './validation.service.js';

const eventId = () => Param('id', new ParseUUIDPipe());

@ApiTags('validation')
@Controller()
export class ValidationController {
  constructor(
    private readonly validation: ValidationService,
    private readonly setup: AccessSetupService,
  ) {}

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

  @Get('events/:id/access')
  @Roles('event_manager', 'scanner')
  @ApiOperation({ summary: "The event's check-in lists, zones and gates", operationId: 'getAccessSetup' })
  @ApiOkResponse({ type: AccessSetupDto })
  @ApiProblems(400, 401, 403, 404)
  access(@eventId() id: string): Promise<AccessSetupDto> {
    return this.setup.get(id);
  }

  @Post('events/:id/check-in-lists')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a check-in list (each admits a ticket once)', operationId: 'createCheckInList' })
  @ApiCreatedResponse({ type: CheckInListDto })
  @ApiProblems(400, 401, 403, 404)
  addList(@eventId() id: string, @Body() dto: CreateCheckInListDto): Promise<CheckInListDto> {
    return this.setup.addList(id, dto);
  }

  @Post('events/:id/zones')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a zone open to some ticket access levels', operationId: 'createZone' })
  @ApiCreatedResponse({ type: ZoneDto })
  @ApiProblems(400, 401, 403, 404)
  addZone(@eventId() id: string, @Body() dto: CreateZoneDto): Promise<ZoneDto> {
    return this.setup.addZone(id, dto);
  }

  @Post('events/:id/gates')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a gate into a zone, checking in on a list', operationId: 'createGate' })
  @ApiCreatedResponse({ type: GateDto })
  @ApiProblems(400, 401, 403, 404, 422)
  addGate(@eventId() id: string, @Body() dto: CreateGateDto): Promise<GateDto> {
    return this.setup.addGate(id, dto);
  }
}
