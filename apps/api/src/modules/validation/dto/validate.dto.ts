import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDateTimeWithOffset } from '../../../platform/http/validators.js';
import { SeatRefDto } from '../../tickets/dto/issued-ticket.dto.js';
import { AnyText } from '../../../platform/http/validation.pipe.js';

export const REJECT_REASONS = [
  'already_used',
  'invalid',
  'revoked',
  'canceled',
  'unpaid',
  'wrong_event',
  'zone_denied',
  'invalid_time',
  'blocked',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export class ValidateRequestDto {
  @ApiProperty({ description: 'What the QR carried. Anything readable is answered (garbage: rejected, invalid).' })
  @IsString()
  @MaxLength(4096)
  @AnyText()
  code: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The gate scanning; its zone and check-in list apply.' })
  @IsOptional()
  @IsUUID()
  gateId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The event being admitted, when no gate says it: a ticket for another event is wrong_event.',
  })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ enum: ['entry', 'exit'], default: 'entry' })
  @IsOptional()
  @IsIn(['entry', 'exit'])
  direction?: 'entry' | 'exit';

  @ApiPropertyOptional({ description: 'A retry with the same nonce returns the first answer and logs nothing new.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'nonce must be 1-128 letters, digits, ., _, : or -' })
  nonce?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the scan happened (offline scans); default now.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  scannedAt?: string;
}

export class ValidatedTicketDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  ticketTypeName: string;
  @ApiProperty({ type: SeatRefDto, nullable: true })
  seat: SeatRefDto | null;
  @ApiProperty({ type: String, nullable: true })
  holderName: string | null;
}

export class ValidationResultDto {
  @ApiProperty({ enum: ['admitted', 'rejected'] })
  result: 'admitted' | 'rejected';
  @ApiPropertyOptional({ enum: REJECT_REASONS })
  reason?: RejectReason;
  @ApiPropertyOptional({ type: ValidatedTicketDto })
  ticket?: ValidatedTicketDto;
  @ApiProperty({ format: 'date-time' })
  scannedAt: string;
}
