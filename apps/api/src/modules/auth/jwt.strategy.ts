import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { UserActor } from '../../platform/auth/actor.js';
import type { RememberedTokens } from '../../platform/auth/authenticator.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { type AccessClaims, SessionService } from './session.service.js';

type VerifiedClaims = AccessClaims & { exp: number };
type TokenRequest = { headers: { authorization?: string } };

/** Tokens remembered at most; the oldest is forgotten first. */
const REMEMBERED_TOKENS_MAX = 10_000;
const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * Bearer access tokens: HS256 only (an `alg: none` or RS/HS confusion token is refused), session must be live.
 * A token's signature is checked once, through passport: its exact text is then remembered with its
 * claims until it expires, and the access guard takes a later request with the same text straight
 * to `actorOf`, which skips passport and the signature (not the session or the expiry).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') implements RememberedTokens {
  private readonly verified = new Map<string, VerifiedClaims>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // A KeyObject: given the string, jsonwebtoken would first try (and fail) to parse it as a
      // public key on every request, which costs more than the HMAC itself.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  actorOf(authorization: string): Promise<UserActor> | null {
    const token = bearerToken({ headers: { authorization } } as never);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return null;
    if (claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token as string);
      return null;
    }
    return this.actorFor(claims);
  }

  /** Passport's callback, once the signature and expiry are checked. */
  async validate(req: TokenRequest, claims: AccessClaims & { exp?: number }): Promise<UserActor> {
    const actor = await this.actorFor(claims);
    this.remember(bearerToken(req as never), claims);
    return actor;
  }

  private async actorFor(claims: AccessClaims): Promise<UserActor> {
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

  private remember(token: string | null, claims: AccessClaims & { exp?: number }): void {
    if (!token || typeof claims.exp !== 'number' || this.verified.has(token)) return;
    if (this.verified.size >= REMEMBERED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims as VerifiedClaims);
  }
}
