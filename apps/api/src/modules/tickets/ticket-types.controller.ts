import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { CreateTicketTypeDto, TicketTypeDto, TicketTypeListDto, TicketTypeQueryDto } from './dto/ticket-type.dto.js';
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
  @ApiProblems(400)
  list(@Query() query: TicketTypeQueryDto): Promise<TicketTypeListDto> {
    return this.types.list(query);
  }

  @Post()
  @Roles('event_manager')
  @ApiOperation({ summary: 'Add a ticket type to an event', operationId: 'createTicketType' })
  @ApiCreatedResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    return this.types.create(actor, dto);
  }
}
