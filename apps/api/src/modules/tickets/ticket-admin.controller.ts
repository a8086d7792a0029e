import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiScopes, Authenticated, CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  BlockTicketDto,
  IssuedTicketDto,
  OfflineTicketListDto,
  PurchasePdfQueryDto,
  ReissueTicketDto,
  RevocationListDto,
  RevocationQueryDto,
  TicketBlockDto,
} from './dto/issued-ticket.dto.js';
import { TicketBlocksService } from './ticket-blocks.service.js';
import { TicketDeliveryService } from './ticket-delivery.service.js';

const id = () => Param('id', new ParseUUIDPipe());

/** Staff and scanner routes around issued tickets: reissue, printing a sale, the revocation list. */
@ApiTags('tickets')
@Controller()
export class TicketAdminController {
  constructor(
    private readonly delivery: TicketDeliveryService,
    private readonly blocks: TicketBlocksService,
  ) {}

  @Post('issued-tickets/:id/reissue')
  @Roles('support_agent', 'box_office')
  @ApiOperation({
    summary: 'Reissue a ticket (a lost phone): the old code is revoked, the holder gets a new one',
    operationId: 'reissueTicket',
  })
  @ApiCreatedResponse({ type: IssuedTicketDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reissue(
    @CurrentActor() actor: UserActor,
    @id() ticketId: string,
    @Body() dto: ReissueTicketDto,
  ): Promise<IssuedTicketDto> {
    return this.delivery.reissue(actor, ticketId, dto.reason);
  }

  @Get('purchases/:id/tickets.pdf')
  @Authenticated()
  @ApiScopes('tickets:purchase')
  @ApiOperation({
    summary: "A sale's valid tickets in one PDF (A4 or 80 mm thermal), for printing",
    operationId: 'getPurchaseTicketsPdf',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404)
  async purchasePdf(
    @CurrentActor() actor: Actor,
    @id() purchaseId: string,
    @Query() query: PurchasePdfQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const layout = query.layout ?? 'a4';
    const body = await this.delivery.purchasePdf(actor, purchaseId, layout);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="tickets-${purchaseId.slice(0, 8)}-${layout}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }

  @Post('issued-tickets/:id/block')
  @Roles('event_manager', 'support_agent')
  @ApiOperation({
    summary: 'Block a ticket (a dispute, suspected fraud): refused at the gate as `blocked` until unblocked',
    operationId: 'blockTicket',
  })
  @ApiOkResponse({ type: TicketBlockDto })
  @HttpCode(200)
  @ApiProblems(400, 401, 403, 404, 409)
  block(
    @CurrentActor() actor: UserActor,
    @id() ticketId: string,
    @Body() dto: BlockTicketDto,
  ): Promise<TicketBlockDto> {
    return this.blocks.block(actor, ticketId, dto.reason);
  }

  @Delete('issued-tickets/:id/block')
  @Roles('event_manager', 'support_agent')
  @ApiOperation({ summary: 'Unblock a ticket', operationId: 'unblockTicket' })
  @ApiOkResponse({ type: TicketBlockDto })
  @ApiProblems(400, 401, 403, 404)
  unblock(@CurrentActor() actor: UserActor, @id() ticketId: string): Promise<TicketBlockDto> {
    return this.blocks.unblock(actor, ticketId);
  }

  @Get('events/:id/offline-tickets')
  @Roles('scanner', 'event_manager')
  @ApiScopes('tickets:validate')
  @ApiOperation({
    summary: "An event's valid tickets, compact, for scanners checking zones and blocks offline",
    operationId: 'listOfflineTickets',
  })
  @ApiOkResponse({ type: OfflineTicketListDto })
  @ApiProblems(400, 401, 403, 404)
  offlineTickets(@id() eventId: string): Promise<OfflineTicketListDto> {
    return this.blocks.offlineList(eventId);
  }

  @Get('events/:id/revocations')
  @Roles('scanner', 'box_office', 'support_agent')
  @ApiScopes('tickets:validate')
  @ApiOperation({
    summary: 'Revoked tickets of an event (transferred, reissued, refunded), for scanners verifying offline',
    operationId: 'listRevocations',
  })
  @ApiOkResponse({ type: RevocationListDto })
  @ApiProblems(400, 401, 403)
  revocations(@id() eventId: string, @Query() query: RevocationQueryDto): Promise<RevocationListDto> {
    return this.delivery.revocations(eventId, query.since);
  }
}
