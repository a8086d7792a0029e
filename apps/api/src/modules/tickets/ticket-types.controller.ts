import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CreateTicketTypeDto,
  TicketTypeDto,
  TicketTypeListDto,
  TicketTypeQueryDto,
  UpdateTicketTypeDto,
} from './dto/ticket-type.dto.js';
import { TicketTypesService } from './ticket-types.service.js';

@ApiTags('ticket-types')
@Controller('tickets/types')
export class TicketTypesController {
  constructor(private readonly types: TicketTypesService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: "An event's ticket types with current price and live availability",
    operationId: 'listTicketTypes',
  })
  @ApiOkResponse({ type: TicketTypeListDto })
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor | null, @Query() query: TicketTypeQueryDto): Promise<TicketTypeListDto> {
    return this.types.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One ticket type', operationId: 'getTicketType' })
  @ApiOkResponse({ type: TicketTypeDto })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor | null, @Param('id', new ParseUUIDPipe()) id: string): Promise<TicketTypeDto> {
    return this.types.get(actor, id);
  }

  @Post()
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a ticket type to an event', operationId: 'createTicketType' })
  @ApiCreatedResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    return this.types.create(actor, dto);
  }

  @Patch(':id')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Edit a ticket type (capacity never below what is sold)', operationId: 'updateTicketType' })
  @ApiOkResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateTicketTypeDto,
  ): Promise<TicketTypeDto> {
    return this.types.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Delete a ticket type nobody bought', operationId: 'deleteTicketType' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.types.remove(actor, id);
  }
}
