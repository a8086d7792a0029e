import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  PriceHistoryListDto,
  PriceHistoryQueryDto,
  PriceRulesDto,
  PriceSimulationDto,
  PriceSimulationRequestDto,
  PutPriceRulesDto,
} from './dto/price-rules.dto.js';
import { PriceRulesService } from './price-rules.service.js';

@ApiTags('pricing')
@Controller('ticket-types/:id')
@Roles('event_manager')
export class PriceRulesController {
  constructor(private readonly rules: PriceRulesService) {}

  @Get('price-rules')
  @ApiOperation({
    summary: "A ticket type's dynamic-pricing rules, its limits and why its current price is what it is",
    operationId: 'getPriceRules',
  })
  @ApiOkResponse({ type: PriceRulesDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PriceRulesDto> {
    return this.rules.get(id);
  }

  @Put('price-rules')
  @ApiOperation({
    summary: "Replace a ticket type's price rules (all or nothing); the new price is published at once",
    description:
      'Rules apply in order. 422 with a code when a floor is above a ceiling (FLOOR_ABOVE_CEILING), time steps ' +
      'overlap (OVERLAPPING_TIME_STEPS) or fall over time (TIME_STEPS_NOT_MONOTONE), rules could give a negative price ' +
      '(NEGATIVE_PRICE), or a rule is malformed (RULE_INVALID, TIME_STEP_EMPTY). An empty list returns the type to its base price.',
    operationId: 'putPriceRules',
  })
  @ApiOkResponse({ type: PriceRulesDto })
  @ApiProblems(400, 401, 403, 404, 422)
  put(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PutPriceRulesDto,
  ): Promise<PriceRulesDto> {
    return this.rules.put(actor, id, dto);
  }

  @Post('price-simulation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Simulate prices against time and share sold, with the real engine (saved or proposed rules)',
    operationId: 'simulatePrices',
  })
  @ApiOkResponse({ type: PriceSimulationDto })
  @ApiProblems(400, 401, 403, 404, 422)
  simulate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PriceSimulationRequestDto,
  ): Promise<PriceSimulationDto> {
    return this.rules.simulate(id, dto);
  }

  @Get('price-history')
  @ApiOperation({
    summary: 'Every price the ticket type was published at, newest first',
    operationId: 'getPriceHistory',
  })
  @ApiOkResponse({ type: PriceHistoryListDto })
  @ApiProblems(400, 401, 403, 404)
  history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PriceHistoryQueryDto,
  ): Promise<PriceHistoryListDto> {
    return this.rules.history(id, query);
  }
}
