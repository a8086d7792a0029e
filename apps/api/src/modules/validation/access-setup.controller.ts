import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { AccessSetupService } from './access-setup.service.js';
import {
  AccessSetupDto,
  CheckInListDto,
  CreateCheckInListDto,
  CreateGateDto,
  CreateZoneDto,
  GateDto,
  UpdateCheckInListDto,
  UpdateGateDto,
  UpdateZoneDto,
  ZoneDto,
} from './dto/access-setup.dto.js';

const id = () => Param('id', new ParseUUIDPipe());

/** An event's check-in lists, zones and gates: read by scanners, managed by event managers. */
@ApiTags('validation')
@Controller()
export class AccessSetupController {
  constructor(private readonly setup: AccessSetupService) {}

  @Get('events/:id/access')
  @Roles('event_manager', 'scanner')
  @ApiOperation({ summary: "The event's check-in lists, zones and gates", operationId: 'getAccessSetup' })
  @ApiOkResponse({ type: AccessSetupDto })
  @ApiProblems(400, 401, 403, 404)
  access(@id() eventId: string): Promise<AccessSetupDto> {
    return this.setup.get(eventId);
  }

  @Post('events/:id/check-in-lists')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a check-in list (each admits a ticket once)', operationId: 'createCheckInList' })
  @ApiCreatedResponse({ type: CheckInListDto })
  @ApiProblems(400, 401, 403, 404)
  addList(
    @CurrentActor() actor: UserActor,
    @id() eventId: string,
    @Body() dto: CreateCheckInListDto,
  ): Promise<CheckInListDto> {
    return this.setup.addList(actor, eventId, dto);
  }

  @Patch('check-in-lists/:id')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Rename a check-in list or change its re-entry rule', operationId: 'updateCheckInList' })
  @ApiOkResponse({ type: CheckInListDto })
  @ApiProblems(400, 401, 403, 404)
  updateList(
    @CurrentActor() actor: UserActor,
    @id() listId: string,
    @Body() dto: UpdateCheckInListDto,
  ): Promise<CheckInListDto> {
    return this.setup.updateList(actor, listId, dto);
  }

  @Delete('check-in-lists/:id')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({
    summary: 'Delete a check-in list no gate uses and no ticket was checked in on (never the default one)',
    operationId: 'deleteCheckInList',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async removeList(@CurrentActor() actor: UserActor, @id() listId: string): Promise<void> {
    await this.setup.removeList(actor, listId);
  }

  @Post('events/:id/zones')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a zone open to some ticket access levels', operationId: 'createZone' })
  @ApiCreatedResponse({ type: ZoneDto })
  @ApiProblems(400, 401, 403, 404)
  addZone(@CurrentActor() actor: UserActor, @id() eventId: string, @Body() dto: CreateZoneDto): Promise<ZoneDto> {
    return this.setup.addZone(actor, eventId, dto);
  }

  @Patch('zones/:id')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Rename a zone or change the access levels it admits', operationId: 'updateZone' })
  @ApiOkResponse({ type: ZoneDto })
  @ApiProblems(400, 401, 403, 404)
  updateZone(@CurrentActor() actor: UserActor, @id() zoneId: string, @Body() dto: UpdateZoneDto): Promise<ZoneDto> {
    return this.setup.updateZone(actor, zoneId, dto);
  }

  @Delete('zones/:id')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Delete a zone no gate leads into', operationId: 'deleteZone' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async removeZone(@CurrentActor() actor: UserActor, @id() zoneId: string): Promise<void> {
    await this.setup.removeZone(actor, zoneId);
  }

  @Post('events/:id/gates')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a gate into a zone, checking in on a list', operationId: 'createGate' })
  @ApiCreatedResponse({ type: GateDto })
  @ApiProblems(400, 401, 403, 404, 422)
  addGate(@CurrentActor() actor: UserActor, @id() eventId: string, @Body() dto: CreateGateDto): Promise<GateDto> {
    return this.setup.addGate(actor, eventId, dto);
  }

  @Patch('gates/:id')
  @Roles('event_manager')
  @ApiOperation({
    summary: 'Rename a gate, or change the zone it leads into or the list it checks in on',
    operationId: 'updateGate',
  })
  @ApiOkResponse({ type: GateDto })
  @ApiProblems(400, 401, 403, 404, 422)
  updateGate(@CurrentActor() actor: UserActor, @id() gateId: string, @Body() dto: UpdateGateDto): Promise<GateDto> {
    return this.setup.updateGate(actor, gateId, dto);
  }

  @Delete('gates/:id')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({
    summary: 'Delete a gate no active scanner device is bound to; scans logged there keep its id',
    operationId: 'deleteGate',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async removeGate(@CurrentActor() actor: UserActor, @id() gateId: string): Promise<void> {
    await this.setup.removeGate(actor, gateId);
  }
}
