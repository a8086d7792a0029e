import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiScopes, Roles } from '../../platform/auth/access.decorators.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { TicketCodesService } from './ticket-codes.service.js';

export class TicketKeyDto {
  @ApiProperty({ description: 'The key id inside each code.' })
  keyId: number;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ description: 'base64url of the raw Ed25519 public key.' })
  publicKey: string;
  @ApiProperty({ description: 'Retired keys still verify the codes they signed.' })
  retired: boolean;
}

export class TicketKeyListDto {
  @ApiProperty({ type: [TicketKeyDto] })
  items: TicketKeyDto[];
  @ApiProperty()
  total: number;
}

@ApiTags('tickets')
@Controller('events/:id/ticket-keys')
export class TicketKeysController {
  constructor(private readonly codes: TicketCodesService) {}

  @Get()
  @Roles('scanner', 'box_office')
  @ApiScopes('tickets:validate')
  @ApiOperation({
    summary: "The event's public ticket-code keys, for verifying codes offline (libs/ticket-code Keyring)",
    operationId: 'listTicketKeys',
  })
  @ApiOkResponse({ type: TicketKeyListDto })
  @ApiProblems(400, 401, 403)
  async list(@Param('id', new ParseUUIDPipe()) eventId: string): Promise<TicketKeyListDto> {
    const items = await this.codes.publicKeys(eventId);
    return { items, total: items.length };
  }

  @Post('rotate')
  @HttpCode(200)
  @Roles('event_manager')
  @ApiOperation({
    summary: "Retire the event's signing key: issued codes keep verifying, new tickets get a new key",
    operationId: 'rotateTicketKey',
  })
  @ApiOkResponse({ type: TicketKeyListDto })
  @ApiProblems(400, 401, 403)
  async rotate(@Param('id', new ParseUUIDPipe()) eventId: string): Promise<TicketKeyListDto> {
    const items = await this.codes.rotate(eventId);
    return { items, total: items.length };
  }

  @Delete(':keyId')
  @HttpCode(204)
  @Roles('event_manager')
  @ApiOperation({
    summary: 'Remove a retired key (codes it signed stop verifying); refused while valid tickets use it',
    operationId: 'removeTicketKey',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(
    @Param('id', new ParseUUIDPipe()) eventId: string,
    @Param('keyId', new ParseIntPipe()) keyId: number,
  ): Promise<void> {
    await this.codes.remove(eventId, keyId);
  }
}
