import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/paging.dto.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'staff.created', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Sequence number (a bigint, as a string).' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ enum: ['user', 'api_client', 'system'] })
  actorType: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorId: string | null;
  @ApiProperty({ example: 'staff.created' })
  action: string;
  @ApiProperty({ example: 'user' })
  entityType: string;
  @ApiProperty({ type: String, nullable: true })
  entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;
  @ApiProperty({ description: 'SHA-256 of the previous entry.' })
  prevHash: string;
  @ApiProperty({ description: 'SHA-256 over prevHash and this entry.' })
  hash: string;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];
  @ApiProperty()
  total: number;
}

export class AuditVerificationDto {
  @ApiProperty({ description: 'False when any entry was altered, removed or reordered.' })
  valid: boolean;
  @ApiProperty({ description: 'Entries checked before the verdict.' })
  checked: number;
  @ApiProperty({ type: String, nullable: true, description: 'Id of the first entry that does not match.' })
  brokenAt: string | null;
}
