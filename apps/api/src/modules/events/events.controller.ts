import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CancelEventDto,
  CreateEventDto,
  EventDto,
  EventListDto,
  EventQueryDto,
  UpdateEventDto,
} from './dto/event.dto.js';
import { EventsService } from './events.service.js';

const id = () => Param('id', new ParseUUIDPipe());

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

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
  get(@CurrentActor() actor: Actor | null, @id() eventId: string): Promise<EventDto> {
    return this.events.get(actor, eventId);
  }

  @Post()
  @Roles('event_manager')
  @ApiOperation({ summary: 'Create an event (as a draft)', operationId: 'createEvent' })
  @ApiCreatedResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(actor, dto);
  }

  @Patch(':id')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Edit an event', operationId: 'updateEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@CurrentActor() actor: UserActor, @id() eventId: string, @Body() dto: UpdateEventDto): Promise<EventDto> {
    return this.events.update(actor, eventId, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Publish a draft: it goes on sale (needs a ticket type)', operationId: 'publishEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(401, 403, 404, 409, 422)
  publish(@CurrentActor() actor: UserActor, @id() eventId: string): Promise<EventDto> {
    return this.events.transition(actor, eventId, 'publish');
  }

  @Post(':id/close-sales')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Stop selling (the event stays listed)', operationId: 'closeEventSales' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(401, 403, 404, 409)
  closeSales(@CurrentActor() actor: UserActor, @id() eventId: string): Promise<EventDto> {
    return this.events.transition(actor, eventId, 'close-sales');
  }

  @Post(':id/reopen-sales')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Sell again after closing sales', operationId: 'reopenEventSales' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(401, 403, 404, 409)
  reopenSales(@CurrentActor() actor: UserActor, @id() eventId: string): Promise<EventDto> {
    return this.events.transition(actor, eventId, 'reopen-sales');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Cancel the event', operationId: 'cancelEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@CurrentActor() actor: UserActor, @id() eventId: string, @Body() dto: CancelEventDto): Promise<EventDto> {
    return this.events.transition(actor, eventId, 'cancel', dto.reason);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: 'Mark a started event as completed', operationId: 'completeEvent' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(401, 403, 404, 409, 422)
  complete(@CurrentActor() actor: UserActor, @id() eventId: string): Promise<EventDto> {
    return this.events.transition(actor, eventId, 'complete');
  }
}
