import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'Order confirmations, tickets and refund notices by email.', default: true })
  @IsBoolean()
  email: boolean;
  @ApiProperty({ description: 'A text message with the link to your tickets.', default: false })
  @IsBoolean()
  sms: boolean;
  @ApiProperty({ type: String, nullable: true, example: '+31612345678', description: 'E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone: string | null;
}
