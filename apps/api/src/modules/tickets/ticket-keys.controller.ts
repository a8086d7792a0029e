import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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
}
