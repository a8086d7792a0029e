import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CreateSupportTicketDto,
  SupportAgentListDto,
  SupportMessageDto,
  SupportMessageInputDto,
  SupportTicketDetailDto,
  SupportTicketListDto,
  SupportTicketQueryDto,
  UpdateSupportTicketDto,
} from './dto/support.dto.js';
import { SupportService } from './support.service.js';

// `:id` must be a UUID, so these routes never shadow /api/tickets/types, /purchase or /validate.
const ticketId = () => Param('id', new ParseUUIDPipe());

/** The Tickets API: help-desk tickets at /api/tickets (admission tickets live at /api/me/tickets). */
@ApiTags('support')
@Controller()
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Post('tickets')
  @Authenticated()
  @ApiOperation({
    summary: 'Open a support ticket, optionally about one of your purchases',
    operationId: 'createSupportTicket',
  })
  @ApiCreatedResponse({ type: SupportTicketDetailDto })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateSupportTicketDto): Promise<SupportTicketDetailDto> {
    return this.support.create(actor, dto);
  }

  @Get('tickets')
  @Authenticated()
  @ApiOperation({
    summary: 'Support tickets: your own; support agents and admins see every ticket',
    operationId: 'listSupportTickets',
  })
  @ApiOkResponse({ type: SupportTicketListDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: UserActor, @Query() query: SupportTicketQueryDto): Promise<SupportTicketListDto> {
    return this.support.list(actor, query);
  }

  @Get('tickets/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A support ticket with its conversation', operationId: 'getSupportTicket' })
  @ApiOkResponse({ type: SupportTicketDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: UserActor, @ticketId() id: string): Promise<SupportTicketDetailDto> {
    return this.support.detail(actor, id);
  }

  @Post('tickets/:id/messages')
  @Authenticated()
  @ApiOperation({
    summary: 'Write in the conversation: the customer, or an agent replying (the customer is emailed)',
    operationId: 'replySupportTicket',
  })
  @ApiCreatedResponse({ type: SupportMessageDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reply(
    @CurrentActor() actor: UserActor,
    @ticketId() id: string,
    @Body() dto: SupportMessageInputDto,
  ): Promise<SupportMessageDto> {
    return this.support.reply(actor, id, dto.message);
  }

  @Post('tickets/:id/notes')
  @Roles('support_agent')
  @ApiOperation({
    summary: 'Add an internal note: staff only, never shown or mailed to the customer',
    operationId: 'addSupportNote',
  })
  @ApiCreatedResponse({ type: SupportMessageDto })
  @ApiProblems(400, 401, 403, 404)
  note(
    @CurrentActor() actor: UserActor,
    @ticketId() id: string,
    @Body() dto: SupportMessageInputDto,
  ): Promise<SupportMessageDto> {
    return this.support.note(actor, id, dto.message);
  }

  @Patch('tickets/:id')
  @Roles('support_agent')
  @ApiOperation({
    summary: 'Assign, prioritise or move a ticket through open, pending, resolved and closed',
    operationId: 'updateSupportTicket',
  })
  @ApiOkResponse({ type: SupportTicketDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentActor() actor: UserActor,
    @ticketId() id: string,
    @Body() dto: UpdateSupportTicketDto,
  ): Promise<SupportTicketDetailDto> {
    return this.support.update(actor, id, dto);
  }

  @Get('support/agents')
  @Roles('support_agent')
  @ApiOperation({ summary: 'Who tickets can be assigned to', operationId: 'listSupportAgents' })
  @ApiOkResponse({ type: SupportAgentListDto })
  @ApiProblems(401, 403)
  agents(): Promise<SupportAgentListDto> {
    return this.support.agents();
  }
}
