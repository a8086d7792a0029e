import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { UserActor } from '../../platform/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { type AccessClaims, SessionService } from './session.service.js';

/** Bearer access tokens: HS256 only (an `alg: none` or RS/HS confusion token is refused), session must be live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given the string, jsonwebtoken would first try (and fail) to parse it as a
      // public key on every request, which costs more than the HMAC itself.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<UserActor> {
    if (claims?.typ !== 'access' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
      throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The access token is invalid.');
    }
    if (!(await this.sessions.isActive(claims.sid, claims.sub))) {
      throw new DomainError('unauthenticated', 'SESSION_ENDED', 'This session has ended; sign in again.');
    }
    return {
      kind: 'user',
      userId: claims.sub,
      roles: Array.isArray(claims.roles) ? claims.roles : [],
      sessionId: claims.sid,
    };
  }
}
