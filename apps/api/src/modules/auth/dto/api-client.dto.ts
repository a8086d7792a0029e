import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { API_SCOPES, type ApiScope } from '../api-client.entity.js';

export class CreateApiClientDto {
  @ApiProperty({ example: 'Partner box office', minLength: 1, maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_SCOPES, { each: true, message: `each scope must be one of ${API_SCOPES.join(', ')}` })
  scopes: ApiScope[];
}

export class ApiClientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true })
  scopes: ApiScope[];
  @ApiProperty({ description: 'The start of the key, to tell keys apart.' })
  keyPrefix: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;
}

export class CreatedApiClientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Shown once. Send it as the X-API-Key header.' })
  key: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true })
  scopes: ApiScope[];
  @ApiProperty()
  keyPrefix: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ApiClientListDto {
  @ApiProperty({ type: [ApiClientDto] })
  items: ApiClientDto[];
  @ApiProperty()
  total: number;
}
