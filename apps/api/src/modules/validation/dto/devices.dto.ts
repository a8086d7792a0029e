import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsDateTimeWithOffset, Nested } from '../../../platform/http/validators.js';
import { ValidationResultDto } from './validate.dto.js';
import { AnyText } from '../../../platform/http/validation.pipe.js';

export class RegisterDeviceDto {
  @ApiProperty({ example: 'North gate handheld 3' })
  @IsString()
  @Length(1, 120)
  name: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The gate it scans at, unless a scan names another.' })
  @IsOptional()
  @IsUUID()
  gateId?: string;
}

export class ScannerDeviceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  gateId: string | null;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ['active', 'locked', 'revoked'] })
  status: 'active' | 'locked' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSeenAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class RegisteredDeviceDto extends ScannerDeviceDto {
  @ApiProperty({ description: 'The device key (send as X-API-Key). Shown once; only its hash is kept.' })
  key: string;
}

export class ScannerDeviceListDto {
  @ApiProperty({ type: [ScannerDeviceDto] })
  items: ScannerDeviceDto[];
  @ApiProperty()
  total: number;
}

export class OfflineScanDto {
  @ApiProperty()
  @IsString()
  @MaxLength(4096)
  @AnyText()
  code: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  gateId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The event being admitted, when no gate says it.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
  @ApiPropertyOptional({ enum: ['entry', 'exit'] })
  @IsOptional()
  @IsIn(['entry', 'exit'])
  direction?: 'entry' | 'exit';
  @ApiProperty({ description: 'Unique per scan: uploading the batch again changes nothing.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'nonce must be 1-128 letters, digits, ., _, : or -' })
  nonce: string;
  @ApiProperty({ format: 'date-time', description: 'When the scan happened on the device.' })
  @IsDateTimeWithOffset()
  scannedAt: string;
  @ApiPropertyOptional({
    enum: ['admitted', 'rejected'],
    description: 'What the device showed while offline. A scan it rejected is logged but never checks the ticket in.',
  })
  @IsOptional()
  @IsIn(['admitted', 'rejected'])
  offlineResult?: 'admitted' | 'rejected';
}

export class OfflineBatchDto {
  @ApiProperty({ type: [OfflineScanDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Nested(() => OfflineScanDto, { each: true })
  scans: OfflineScanDto[];
}

export class OfflineResultDto extends ValidationResultDto {
  @ApiProperty()
  nonce: string;
  @ApiProperty({ description: 'The device admitted it offline, but the ticket had already been admitted.' })
  conflict: boolean;
}

export class OfflineBatchResultDto {
  @ApiProperty({ type: [OfflineResultDto], description: 'In scan-time order.' })
  results: OfflineResultDto[];
  @ApiProperty()
  conflicts: number;
}

export const FLAG_KINDS = ['offline_double_admission', 'two_gates', 'invalid_burst', 'revoked_presented'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export class ValidationFlagDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: FLAG_KINDS })
  kind: FlagKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  deviceId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  evidence: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
}

export class ValidationFlagListDto {
  @ApiProperty({ type: [ValidationFlagDto] })
  items: ValidationFlagDto[];
  @ApiProperty()
  total: number;
}
