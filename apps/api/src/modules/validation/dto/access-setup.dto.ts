import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

export class CreateCheckInListDto {
  @ApiProperty({ example: 'VIP lounge' })
  @IsString()
  @Length(1, 120)
  name: string;
  @ApiPropertyOptional({ default: false, description: 'After an exit, the holder may come back in.' })
  @IsOptional()
  @IsBoolean()
  allowReentry?: boolean;
}

/** Every field optional. */
export class UpdateCheckInListDto extends PartialType(CreateCheckInListDto) {}

export class CheckInListDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  allowReentry: boolean;
  @ApiProperty({ description: 'Scans without a gate use the default list.' })
  isDefault: boolean;
}

export class CreateZoneDto {
  @ApiProperty({ example: 'VIP area' })
  @IsString()
  @Length(1, 120)
  name: string;
  @ApiProperty({ example: ['vip'], description: 'Ticket type access levels admitted here.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(32)
  @Matches(/^[a-z0-9_-]{1,40}$/, { each: true, message: 'each access level is 1-40 lowercase letters, digits, _ or -' })
  accessLevels: string[];
}

/** Every field optional; new access levels apply to the next scan. */
export class UpdateZoneDto extends PartialType(CreateZoneDto) {}

export class ZoneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: [String] })
  accessLevels: string[];
}

export class CreateGateDto {
  @ApiProperty({ example: 'North gate' })
  @IsString()
  @Length(1, 120)
  name: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The zone this gate leads into (its access levels apply).' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Check-in list; the event's default list when omitted." })
  @IsOptional()
  @IsUUID()
  checkInListId?: string;
}

/** Every field optional; `zoneId` may be null to make the gate lead into no zone. */
export class UpdateGateDto extends PartialType(OmitType(CreateGateDto, ['zoneId'] as const)) {
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateGateDto) => o.zoneId !== null)
  @IsUUID()
  zoneId?: string | null;
}

export class GateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  zoneId: string | null;
  @ApiProperty({ format: 'uuid' })
  checkInListId: string;
}

export class AccessSetupDto {
  @ApiProperty({ type: [CheckInListDto] })
  checkInLists: CheckInListDto[];
  @ApiProperty({ type: [ZoneDto] })
  zones: ZoneDto[];
  @ApiProperty({ type: [GateDto] })
  gates: GateDto[];
}
