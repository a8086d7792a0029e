import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import { TICKET_STATUSES, type TicketStatus } from '../issued-ticket.entity.js';
import { IsDateTimeWithOffset } from '../../../platform/http/validators.js';

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

export class TicketEventDto {
  @ApiProperty({ example: 'Ajax - PSV' })
  name: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ example: 'Europe/Amsterdam' })
  timezone: string;
  @ApiProperty({ type: String, nullable: true })
  venueName: string | null;
  @ApiProperty({ type: String, nullable: true })
  venueAddress: string | null;
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
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Who the ticket is for.' })
  holderName?: string | null;
  @ApiPropertyOptional({
    description: 'Present (true) while staff hold the ticket back: refused at the gate as `blocked`.',
  })
  blocked?: boolean;
  @ApiPropertyOptional({ type: TicketEventDto, description: 'The event, for showing the ticket on its own.' })
  event?: TicketEventDto;
}

export class TicketFilesDto {
  @ApiProperty({ description: 'Print-at-home PDF (A4); a signed link that expires.' })
  pdf: string;
  @ApiProperty({ description: 'Box-office PDF for an 80 mm thermal printer; signed, expires.' })
  thermalPdf: string;
  @ApiProperty({ description: 'QR as PNG; signed, expires.' })
  qrPng: string;
  @ApiProperty({ format: 'date-time', description: 'When the links stop working.' })
  expiresAt: string;
}

export class TicketDetailDto extends IssuedTicketDto {
  @ApiProperty({ description: 'The QR as an SVG document (the same code as `code`).' })
  qrSvg: string;
  @ApiProperty({ type: TicketFilesDto })
  files: TicketFilesDto;
  @ApiProperty({ description: 'Whether you may transfer it now (valid, not used, event not over).' })
  transferable: boolean;
}

export class TransferTicketDto {
  @ApiProperty({ example: 'friend@example.com' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
  @ApiPropertyOptional({ example: 'Robin Friend' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;
}

export class TransferResultDto {
  @ApiProperty({ format: 'uuid', description: 'The transferred (revoked) ticket.' })
  revokedTicketId: string;
  @ApiProperty({ format: 'uuid', description: 'The new ticket, held by the recipient, with a new code.' })
  ticketId: string;
  @ApiProperty()
  transferredTo: string;
}

export class ReissueTicketDto {
  @ApiProperty({ example: 'Lost phone', description: 'Why; kept with the revoked ticket and in the audit log.' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class RevocationDto {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ format: 'date-time' })
  revokedAt: string;
  @ApiProperty({ example: 'transferred' })
  reason: string;
}

export class RevocationListDto {
  @ApiProperty({ type: [RevocationDto] })
  items: RevocationDto[];
  @ApiProperty({
    format: 'date-time',
    description: 'Pass as `since` next time; it overlaps the previous read by two minutes, so an item may come again.',
  })
  at: string;
  @ApiProperty({
    type: [String],
    description: 'Every ticket of the event blocked right now (complete each time, not only since `since`).',
  })
  blocked: string[];
}

export class RevocationQueryDto {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTimeWithOffset()
  since?: string;
}

export class PurchasePdfQueryDto {
  @ApiPropertyOptional({ enum: ['a4', 'thermal'], default: 'a4' })
  @IsOptional()
  @IsIn(['a4', 'thermal'])
  layout?: 'a4' | 'thermal';
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

export class BlockTicketDto {
  @ApiProperty({ example: 'Chargeback under review', description: 'Why; shown to staff and kept in the audit log.' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class TicketBlockDto {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty()
  blocked: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  blockedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
}

export class OfflineTicketTypeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ example: 'general' })
  accessLevel: string;
}

export class OfflineSeatDto {
  @ApiProperty()
  section: string;
  @ApiProperty()
  row: string;
  @ApiProperty()
  label: string;
}

export class OfflineTicketDto {
  @ApiProperty({ format: 'uuid', description: 'Lowercase.' })
  id: string;
  @ApiProperty({ description: 'Index into `ticketTypes`.' })
  type: number;
  @ApiPropertyOptional({ type: OfflineSeatDto })
  seat?: OfflineSeatDto;
  @ApiPropertyOptional({ description: 'Who the ticket is for.' })
  holder?: string;
  @ApiPropertyOptional({ enum: [true], description: 'Present while staff hold the ticket back.' })
  blocked?: true;
}

export class OfflineTicketListDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ format: 'date-time', description: 'When the list was read; tickets sold later are not in it.' })
  at: string;
  @ApiProperty({ type: [OfflineTicketTypeDto] })
  ticketTypes: OfflineTicketTypeDto[];
  @ApiProperty({
    type: [OfflineTicketDto],
    description: 'Every valid ticket of the event, compact: a scanner keeps it for offline zone and block checks.',
  })
  tickets: OfflineTicketDto[];
}
