import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { UserActor } from '../../platform/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { type AccessClaims, SessionService } from './session.service.js';

type VerifiedClaims = AccessClaims & { exp: number };
type TokenRequest = { headers: { authorization?: string } };

/** Tokens remembered at most; the oldest is forgotten first. */
const REMEMBERED_TOKENS = 10_000;
const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * Bearer access tokens: HS256 only (an `alg: none` or RS/HS confusion token is refused), session must be live.
 * A token's signature is checked once: its exact text is remembered with its claims until it
 * expires, and a later request with the same text skips the check (not the session or expiry).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
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

  override authenticate(req: TokenRequest, options?: unknown): void {
    const token = bearerToken(req as never);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims || claims.exp * 1000 <= Date.now()) {
      if (claims) this.verified.delete(token as string);
      return super.authenticate(req as never, options);
    }
    this.validate(req, claims).then(
      (user) => this.success(user),
      (error: unknown) => this.error(error as Error),
    );
  }

  async validate(req: TokenRequest, claims: AccessClaims & { exp?: number }): Promise<UserActor> {
    if (claims?.typ !== 'access' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
      throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The access token is invalid.');
    }
    if (!(await this.sessions.isActive(claims.sid, claims.sub))) {
      throw new DomainError('unauthenticated', 'SESSION_ENDED', 'This session has ended; sign in again.');
    }
    this.remember(bearerToken(req as never), claims);
    return {
      kind: 'user',
      userId: claims.sub,
      roles: Array.isArray(claims.roles) ? claims.roles : [],
      sessionId: claims.sid,
    };
  }

  private remember(token: string | null, claims: AccessClaims & { exp?: number }): void {
    if (!token || typeof claims.exp !== 'number' || this.verified.has(token)) return;
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims as VerifiedClaims);
  }
}
