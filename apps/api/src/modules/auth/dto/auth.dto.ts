import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../user.entity.js';

export class LoginDto {
  @ApiProperty({ example: 'fan@example.com', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 1, maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'fan@example.com', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'At least 10 characters.' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(256)
  password: string;

  @ApiProperty({ example: 'Alex Fan', minLength: 1, maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login, register or the previous refresh.', maxLength: 512 })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  email: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, description: 'Empty for customers.' })
  roles: StaffRole[];
}

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived JWT (HS256). Send as "Authorization: Bearer <token>".' })
  accessToken: string;
  @ApiProperty({ description: 'Single-use; each refresh returns a new one and retires the old.' })
  refreshToken: string;
}

export class AuthResponseDto extends TokenPairDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
}
