import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { TicketTypesService } from '../tickets/ticket-types.service.js';
import { CreateEventDto, EventDto, EventListDto, EventQueryDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly ticketTypes: TicketTypesService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List events (the public sees published ones)', operationId: 'listEvents' })
  @ApiOkResponse({ type: EventListDto })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor | null, @Query() query: EventQueryDto): Promise<EventListDto> {
    return this.events.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One event', operationId: 'getEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor | null, @Param('id', new ParseUUIDPipe()) id: string): Promise<EventDto> {
    return this.events.get(actor, id);
  }

  @Post()
  @Roles('event_manager')
  @ApiOperation({ summary: 'Create an event (as a draft)', operationId: 'createEvent' })
  @ApiCreatedResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(actor, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Publish a draft: it goes on sale', operationId: 'publishEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async publish(@CurrentActor() actor: UserActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<EventDto> {
    return this.events.publish(actor, id, await this.ticketTypes.existFor(id));
  }
}
