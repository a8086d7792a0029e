import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/paging.dto.js';
import {
  SUPPORT_PRIORITIES,
  SUPPORT_STATUSES,
  type SupportPriority,
  type SupportStatus,
} from '../support-ticket.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSupportTicketDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'My tickets did not arrive' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'subject must not be empty' })
  @MaxLength(200)
  subject: string;

  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'message must not be empty' })
  @MaxLength(10_000)
  message: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of your purchases this is about.' })
  @IsOptional()
  @IsUUID()
  purchaseId?: string;
}

export class SupportMessageInputDto {
  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'message must not be empty' })
  @MaxLength(10_000)
  message: string;
}

export class UpdateSupportTicketDto {
  @ApiPropertyOptional({
    enum: SUPPORT_STATUSES,
    description: 'open <-> pending -> resolved -> closed; resolved may reopen; closed is final.',
  })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES)
  status?: SupportStatus;

  @ApiPropertyOptional({ enum: SUPPORT_PRIORITIES })
  @IsOptional()
  @IsIn(SUPPORT_PRIORITIES)
  priority?: SupportPriority;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A support agent or admin; null unassigns.',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;
}

export class SupportTicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUPPORT_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES)
  status?: SupportStatus;

  @ApiPropertyOptional({ enum: SUPPORT_PRIORITIES })
  @IsOptional()
  @IsIn(SUPPORT_PRIORITIES)
  priority?: SupportPriority;

  @ApiPropertyOptional({ description: 'A staff member\'s id, or "none" for unassigned tickets.' })
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assigneeId must be a UUID or "none"',
  })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tickets about a purchase for this event.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Text in the subject or the conversation, or a ticket number.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SupportPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  email: string;
}

export class SupportMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['customer', 'staff'] })
  authorKind: 'customer' | 'staff';
  @ApiProperty({ type: SupportPersonDto, nullable: true })
  author: SupportPersonDto | null;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: 'An internal note: staff only, never shown or mailed to the customer.' })
  internal: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class SupportTicketDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Short ticket number.', example: 1042 })
  number: number;
  @ApiProperty()
  subject: string;
  @ApiProperty({ enum: SUPPORT_STATUSES })
  status: SupportStatus;
  @ApiProperty({ enum: SUPPORT_PRIORITIES })
  priority: SupportPriority;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  purchaseId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  eventId: string | null;
  @ApiProperty({ type: SupportPersonDto, nullable: true })
  customer: SupportPersonDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;
  @ApiProperty({ type: SupportPersonDto, nullable: true })
  assignee: SupportPersonDto | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ format: 'date-time' })
  lastMessageAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds from opening to the first staff reply.' })
  firstResponseSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds from opening to resolution.' })
  resolutionSeconds: number | null;
}

export class SupportTicketDetailDto extends SupportTicketDto {
  @ApiProperty({ type: [SupportMessageDto], description: 'Oldest first; customers never see internal notes.' })
  messages: SupportMessageDto[];
}

export class SupportTicketListDto {
  @ApiProperty({ type: [SupportTicketDto] })
  items: SupportTicketDto[];
  @ApiProperty()
  total: number;
}

export class SupportAgentListDto {
  @ApiProperty({ type: [SupportPersonDto] })
  items: SupportPersonDto[];
  @ApiProperty()
  total: number;
}
