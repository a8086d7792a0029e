import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentActor } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  MyTicketsQueryDto,
  TicketDetailDto,
  TicketListDto,
  TransferResultDto,
  TransferTicketDto,
} from './dto/issued-ticket.dto.js';
import { IssuedTicketsService } from './issued-tickets.service.js';
import { TicketDeliveryService } from './ticket-delivery.service.js';

export class QueuedDto {
  @ApiProperty()
  queued: boolean;
}

const id = () => Param('id', new ParseUUIDPipe());

@ApiTags('tickets')
@Controller('me/tickets')
@Authenticated()
export class MeTicketsController {
  constructor(
    private readonly tickets: IssuedTicketsService,
    private readonly delivery: TicketDeliveryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your tickets, newest first', operationId: 'listMyTickets' })
  @ApiOkResponse({ type: TicketListDto })
  @ApiProblems(400, 401)
  mine(@CurrentActor() actor: UserActor, @Query() query: MyTicketsQueryDto): Promise<TicketListDto> {
    return this.tickets.mine(actor.userId, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One of your tickets, with its QR and short-lived links to its files',
    operationId: 'getMyTicket',
  })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiProblems(400, 401, 404)
  detail(@CurrentActor() actor: UserActor, @id() ticketId: string): Promise<TicketDetailDto> {
    return this.delivery.detail(actor, ticketId);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'The print-at-home ticket (A4 PDF)', operationId: 'getMyTicketPdf' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404, 409)
  async pdf(@CurrentActor() actor: UserActor, @id() ticketId: string, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.delivery.pdf(actor, ticketId);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="ticket-${ticketId.slice(0, 8)}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give a ticket to someone by email: your code stops working, they get a new one',
    operationId: 'transferMyTicket',
  })
  @ApiOkResponse({ type: TransferResultDto })
  @ApiProblems(400, 401, 404, 409, 422)
  transfer(
    @CurrentActor() actor: UserActor,
    @id() ticketId: string,
    @Body() dto: TransferTicketDto,
  ): Promise<TransferResultDto> {
    return this.delivery.transfer(actor, ticketId, dto);
  }

  @Post(':id/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email the ticket to you again', operationId: 'resendMyTicket' })
  @ApiAcceptedResponse({ type: QueuedDto })
  @ApiProblems(400, 401, 404, 409)
  async resend(@CurrentActor() actor: UserActor, @id() ticketId: string): Promise<QueuedDto> {
    await this.delivery.resend(actor, ticketId);
    return { queued: true };
  }
}
