import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiScopes, Authenticated, CurrentActor } from '../../platform/auth/access.decorators.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { CreateHoldDto, HoldDto } from './dto/hold.dto.js';
import { InventoryService } from './inventory.service.js';

@ApiTags('holds')
@Controller('holds')
@Authenticated()
@ApiScopes('tickets:purchase')
export class HoldsController {
  constructor(private readonly inventory: InventoryService) {}

  @Post()
  @ApiOperation({
    summary: 'Hold general-admission tickets, chosen seats or the best available seats',
    description: 'The quoted prices are locked in the hold until it expires (the event sets how long; one extension).',
    operationId: 'createHold',
  })
  @ApiCreatedResponse({ type: HoldDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateHoldDto): Promise<HoldDto> {
    return this.inventory.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your holds', operationId: 'getHold' })
  @ApiOkResponse({ type: HoldDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<HoldDto> {
    return this.inventory.get(actor, id);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend a hold once', operationId: 'extendHold' })
  @ApiOkResponse({ type: HoldDto })
  @ApiProblems(400, 401, 404, 409, 422)
  extend(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<HoldDto> {
    return this.inventory.extend(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a hold: its tickets go back on sale', operationId: 'releaseHold' })
  @ApiNoContentResponse({ description: 'Released (or already ended).' })
  @ApiProblems(400, 401, 404)
  release(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.inventory.release(actor, id);
  }
}
