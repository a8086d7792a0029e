import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { API_KEY_AUTHENTICATOR, REMEMBERED_TOKENS } from '../../platform/auth/authenticator.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { ApiClientEntity } from './api-client.entity.js';
import { ApiClientsController } from './api-clients.controller.js';
import { ApiClientsService } from './api-clients.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { SessionService } from './session.service.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, ApiClientEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, StaffController, ApiClientsController],
  providers: [
    UsersRepository,
    SessionService,
    JwtStrategy,
    AuthService,
    StaffService,
    ApiClientsService,
    { provide: API_KEY_AUTHENTICATOR, useExisting: ApiClientsService },
    { provide: REMEMBERED_TOKENS, useExisting: JwtStrategy },
  ],
  exports: [AuthService, API_KEY_AUTHENTICATOR, REMEMBERED_TOKENS, SessionService, ApiClientsService],
})
export class AuthModule {}
