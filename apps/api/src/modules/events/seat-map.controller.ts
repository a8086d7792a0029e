import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import {
  CreatePriceZoneDto,
  CreateSectionDto,
  GenerateSeatsDto,
  ImportResultDto,
  ImportSeatMapDto,
  PriceZoneDto,
  RemoveSeatsDto,
  SeatDto,
  SeatMapDto,
  SeatMapExportQueryDto,
  SeatsChangedDto,
  SectionDto,
  UpdatePriceZoneDto,
  UpdateSeatDto,
  UpdateSeatsDto,
  UpdateSectionDto,
} from './dto/seat-map.dto.js';
import { SeatMapService } from './seat-map.service.js';

const venue = () => Param('venueId', new ParseUUIDPipe());
const uuid = (name: string) => Param(name, new ParseUUIDPipe());

@ApiTags('seat-maps')
@Controller('venues/:venueId')
@Roles('event_manager')
export class SeatMapController {
  constructor(private readonly maps: SeatMapService) {}

  @Get('seat-map')
  @Public()
  @ApiOperation({ summary: "A venue's seat map: sections, seats, price zones", operationId: 'getSeatMap' })
  @ApiOkResponse({ type: SeatMapDto })
  @ApiProblems(400, 404)
  get(@venue() venueId: string): Promise<SeatMapDto> {
    return this.maps.get(venueId);
  }

  @Get('seat-map/export')
  @ApiOperation({ summary: 'Download the seat map as JSON or CSV (the import format)', operationId: 'exportSeatMap' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The seat map file.' })
  @ApiProblems(400, 401, 403, 404)
  async export(
    @venue() venueId: string,
    @Query() query: SeatMapExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.maps.export(venueId, query.format ?? 'json');
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="seat-map.${query.format ?? 'json'}"`);
    return file.body;
  }

  @Post('seat-map/import')
  @ApiOperation({ summary: 'Import sections, seats and price zones from JSON or CSV', operationId: 'importSeatMap' })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  import(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @Body() dto: ImportSeatMapDto,
  ): Promise<ImportResultDto> {
    return this.maps.import(actor, venueId, dto);
  }

  @Post('price-zones')
  @ApiOperation({ summary: 'Add a price zone', operationId: 'createPriceZone' })
  @ApiCreatedResponse({ type: PriceZoneDto })
  @ApiProblems(400, 401, 403, 404, 422)
  createZone(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @Body() dto: CreatePriceZoneDto,
  ): Promise<PriceZoneDto> {
    return this.maps.createZone(actor, venueId, dto);
  }

  @Patch('price-zones/:zoneId')
  @ApiOperation({ summary: 'Rename or recolour a price zone', operationId: 'updatePriceZone' })
  @ApiOkResponse({ type: PriceZoneDto })
  @ApiProblems(400, 401, 403, 404, 422)
  updateZone(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('zoneId') zoneId: string,
    @Body() dto: UpdatePriceZoneDto,
  ): Promise<PriceZoneDto> {
    return this.maps.updateZone(actor, venueId, zoneId, dto);
  }

  @Delete('price-zones/:zoneId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a price zone no ticket type sells', operationId: 'deletePriceZone' })
  @ApiNoContentResponse({ description: 'Deleted; its seats keep no zone.' })
  @ApiProblems(400, 401, 403, 404, 409)
  deleteZone(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('zoneId') zoneId: string,
  ): Promise<void> {
    return this.maps.deleteZone(actor, venueId, zoneId);
  }

  @Post('sections')
  @ApiOperation({ summary: 'Add a section (general admission or reserved)', operationId: 'createSection' })
  @ApiCreatedResponse({ type: SectionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  createSection(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @Body() dto: CreateSectionDto,
  ): Promise<SectionDto> {
    return this.maps.createSection(actor, venueId, dto);
  }

  @Patch('sections/:sectionId')
  @ApiOperation({ summary: 'Rename, move, resize or recolour a section', operationId: 'updateSection' })
  @ApiOkResponse({ type: SectionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  updateSection(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('sectionId') sectionId: string,
    @Body() dto: UpdateSectionDto,
  ): Promise<SectionDto> {
    return this.maps.updateSection(actor, venueId, sectionId, dto);
  }

  @Delete('sections/:sectionId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a section and its seats (when no ticket type sells it)',
    operationId: 'deleteSection',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 409)
  deleteSection(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('sectionId') sectionId: string,
  ): Promise<void> {
    return this.maps.deleteSection(actor, venueId, sectionId);
  }

  @Post('sections/:sectionId/seats/generate')
  @ApiOperation({ summary: 'Generate R rows of S seats in a reserved section', operationId: 'generateSeats' })
  @ApiCreatedResponse({ type: SectionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  generate(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('sectionId') sectionId: string,
    @Body() dto: GenerateSeatsDto,
  ): Promise<SectionDto> {
    return this.maps.generateSeats(actor, venueId, sectionId, dto);
  }

  @Patch('seats')
  @ApiOperation({
    summary: 'Mark many seats: attributes, price zone, held back (house seats, kills)',
    operationId: 'updateSeats',
  })
  @ApiOkResponse({ type: SeatsChangedDto })
  @ApiProblems(400, 401, 403, 404, 422)
  updateSeats(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @Body() dto: UpdateSeatsDto,
  ): Promise<SeatsChangedDto> {
    return this.maps.updateSeats(actor, venueId, dto);
  }

  @Patch('seats/:seatId')
  @ApiOperation({ summary: 'Rename or move one seat', operationId: 'updateSeat' })
  @ApiOkResponse({ type: SeatDto })
  @ApiProblems(400, 401, 403, 404, 422)
  updateSeat(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @uuid('seatId') seatId: string,
    @Body() dto: UpdateSeatDto,
  ): Promise<SeatDto> {
    return this.maps.updateSeat(actor, venueId, seatId, dto);
  }

  @Post('seats/remove')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove seats from the map', operationId: 'removeSeats' })
  @ApiOkResponse({ type: SeatsChangedDto })
  @ApiProblems(400, 401, 403, 404)
  removeSeats(
    @CurrentActor() actor: UserActor,
    @venue() venueId: string,
    @Body() dto: RemoveSeatsDto,
  ): Promise<SeatsChangedDto> {
    return this.maps.removeSeats(actor, venueId, dto.seatIds);
  }
}
