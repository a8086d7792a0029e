import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { CreateVenueDto, UpdateVenueDto, VenueDto, VenueListDto, VenueQueryDto } from './dto/venue.dto.js';
import { VenuesService } from './venues.service.js';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List venues', operationId: 'listVenues' })
  @ApiOkResponse({ type: VenueListDto })
  @ApiProblems(400)
  list(@Query() query: VenueQueryDto): Promise<VenueListDto> {
    return this.venues.list(query);
  }

  @Get(':venueId')
  @Public()
  @ApiOperation({ summary: 'One venue, with a map link when its coordinates are known', operationId: 'getVenue' })
  @ApiOkResponse({ type: VenueDto })
  @ApiProblems(400, 404)
  get(@Param('venueId', new ParseUUIDPipe()) venueId: string): Promise<VenueDto> {
    return this.venues.get(venueId);
  }

  @Post()
  @Roles('event_manager')
  @ApiOperation({ summary: 'Create a venue (optionally geocoding its address)', operationId: 'createVenue' })
  @ApiCreatedResponse({ type: VenueDto })
  @ApiProblems(400, 401, 403, 422, 503)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateVenueDto): Promise<VenueDto> {
    return this.venues.create(actor, dto);
  }

  @Patch(':venueId')
  @Roles('event_manager')
  @ApiOperation({ summary: 'Edit a venue', operationId: 'updateVenue' })
  @ApiOkResponse({ type: VenueDto })
  @ApiProblems(400, 401, 403, 404, 422, 503)
  update(
    @CurrentActor() actor: UserActor,
    @Param('venueId', new ParseUUIDPipe()) venueId: string,
    @Body() dto: UpdateVenueDto,
  ): Promise<VenueDto> {
    return this.venues.update(actor, venueId, dto);
  }

  @Post(':venueId/geocode')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({ summary: "Look up the venue's coordinates from its address", operationId: 'geocodeVenue' })
  @ApiOkResponse({ type: VenueDto })
  @ApiProblems(401, 403, 404, 422, 503)
  geocode(@CurrentActor() actor: UserActor, @Param('venueId', new ParseUUIDPipe()) venueId: string): Promise<VenueDto> {
    return this.venues.geocode(actor, venueId);
  }
}
