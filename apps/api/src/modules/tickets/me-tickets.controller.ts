import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { MyTicketsQueryDto, TicketListDto } from './dto/issued-ticket.dto.js';
import { IssuedTicketsService } from './issued-tickets.service.js';

@ApiTags('tickets')
@Controller('me/tickets')
@Authenticated()
export class MeTicketsController {
  constructor(private readonly tickets: IssuedTicketsService) {}

  @Get()
  @ApiOperation({ summary: 'Your tickets, newest first', operationId: 'listMyTickets' })
  @ApiOkResponse({ type: TicketListDto })
  @ApiProblems(400, 401)
  mine(@CurrentActor() actor: UserActor, @Query() query: MyTicketsQueryDto): Promise<TicketListDto> {
    return this.tickets.mine(actor.userId, query);
  }
}
