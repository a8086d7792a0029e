import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Public } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { AuthService } from './auth.service.js';
import { AuthResponseDto, LoginDto, RefreshDto, RegisterDto, TokenPairDto, UserDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create a customer account and sign in', operationId: 'register' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiProblems(400, 409, 429)
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.auth.register(dto);
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with email and password', operationId: 'login' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems(400, 401, 403, 429)
  login(@Body() dto: LoginDto): Promise<AuthResponseDto> {
    return this.auth.login(dto);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Refresh tokens rotate: the old one stops working, and presenting it again ends the session.',
    operationId: 'refresh',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End the current session', operationId: 'logout' })
  @ApiNoContentResponse({ description: 'The session is revoked; its tokens stop working.' })
  @ApiProblems(401)
  logout(@CurrentActor() actor: UserActor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user', operationId: 'me' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401)
  me(@CurrentActor() actor: UserActor): Promise<UserDto> {
    return this.auth.me(actor);
  }
}
