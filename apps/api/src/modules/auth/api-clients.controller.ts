import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { ApiClientsService } from './api-clients.service.js';
import { ApiClientListDto, CreateApiClientDto, CreatedApiClientDto } from './dto/api-client.dto.js';

@ApiTags('api-clients')
@Controller('api-clients')
@Roles('admin')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Get()
  @ApiOperation({ summary: 'List vendor and integration API clients', operationId: 'listApiClients' })
  @ApiOkResponse({ type: ApiClientListDto })
  @ApiProblems(400, 401, 403)
  list(@Query() page: PageQueryDto): Promise<ApiClientListDto> {
    return this.clients.list(page);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API client; the key is returned once', operationId: 'createApiClient' })
  @ApiCreatedResponse({ type: CreatedApiClientDto })
  @ApiProblems(400, 401, 403)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateApiClientDto): Promise<CreatedApiClientDto> {
    return this.clients.create(actor, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API client; its key stops working at once', operationId: 'revokeApiClient' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked).' })
  @ApiProblems(400, 401, 403, 404)
  revoke(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<void> {
    return this.clients.revoke(actor, id);
  }
}
