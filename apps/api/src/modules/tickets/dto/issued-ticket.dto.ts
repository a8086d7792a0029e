import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { TICKET_STATUSES, type TicketStatus } from '../issued-ticket.entity.js';

export class SeatRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'North Stand' })
  section: string;
  @ApiProperty({ example: 'F' })
  row: string;
  @ApiProperty({ example: '12' })
  label: string;
}

export class IssuedTicketDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The signed string the QR carries (Ed25519, libs/ticket-code); verify with GET /api/events/{id}/ticket-keys.',
  })
  code: string | null;
  @ApiProperty({ format: 'uuid' })
  purchaseId: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ format: 'uuid' })
  ticketTypeId: string;
  @ApiProperty()
  ticketTypeName: string;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty({ description: 'Price paid, minor units.' })
  price: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ type: SeatRefDto, nullable: true })
  seat: SeatRefDto | null;
}

export class TicketListDto {
  @ApiProperty({ type: [IssuedTicketDto] })
  items: IssuedTicketDto[];
  @ApiProperty()
  total: number;
}

export class MyTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}
