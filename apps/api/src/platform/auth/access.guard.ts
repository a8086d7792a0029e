import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../http/domain-error.js';
import { ACCESS_KEY, type AccessRule, API_SCOPES_KEY, type RequestWithActor } from './access.decorators.js';
import { type Actor, hasRole } from './actor.js';
import {
  API_KEY_AUTHENTICATOR,
  type ApiKeyAuthenticator,
  REMEMBERED_TOKENS,
  type RememberedTokens,
} from './authenticator.js';

interface RawRequest extends RequestWithActor {
  id: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The global guard. Every route declares its access (Public, Authenticated or Roles); one that
 * does not is refused, so a forgotten decorator fails closed. Bearer tokens go through passport-jwt
 * the first time and through the auth module's remembered tokens afterwards, API keys through the
 * auth module.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator,
    @Inject(REMEMBERED_TOKENS) private readonly tokens: RememberedTokens,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) throw new DomainError('forbidden', 'ROUTE_NOT_DECLARED', 'This route declares no access rule.');
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(API_SCOPES_KEY, targets) ?? [];
    const req = ctx.switchToHttp().getRequest<RawRequest>();

    let actor: Actor | null = null;
    try {
      actor = await this.identify(ctx, req);
    } catch (error) {
      // A bad credential on a public route is ignored: the caller is simply anonymous.
      if (rule.kind !== 'public') throw error;
    }
    req.actor = actor && { ...actor, requestId: req.id };
    if (rule.kind === 'public') return true;
    if (!actor)
      throw new DomainError('unauthenticated', 'AUTH_REQUIRED', 'Sign in, or send an API key, to use this route.');

    if (actor.kind === 'api_client') {
      if (scopes.some((s) => actor.scopes.includes(s))) return true;
      throw new DomainError(
        'forbidden',
        'SCOPE_MISSING',
        `This API key lacks the scope this route needs (${scopes.join(', ') || 'staff only'}).`,
      );
    }
    if (rule.kind === 'authenticated' || hasRole(actor, ...rule.roles)) return true;
    throw new DomainError(
      'forbidden',
      'ROLE_MISSING',
      `This action needs one of the roles: ${['admin', ...rule.roles].join(', ')}.`,
    );
  }

  private async identify(ctx: ExecutionContext, req: RawRequest): Promise<Actor | null> {
    const apiKey = req.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) return this.apiKeys.authenticate(apiKey);
    if (Array.isArray(apiKey))
      throw new DomainError('unauthenticated', 'API_KEY_INVALID', 'Send one X-API-Key header.');
    const authorization = req.headers.authorization;
    if (!authorization) return null;
    const remembered = typeof authorization === 'string' ? this.tokens.actorOf(authorization) : null;
    if (remembered) return remembered;
    await super.canActivate(ctx);
    return req.user ?? null;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err instanceof DomainError) throw err;
    if (user) return user;
    const name = (info as { name?: string } | undefined)?.name;
    if (name === 'TokenExpiredError') {
      throw new DomainError('unauthenticated', 'TOKEN_EXPIRED', 'The access token has expired; refresh it.');
    }
    if (info instanceof Error && /No auth token/i.test(info.message)) {
      throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'Use "Authorization: Bearer <access token>".');
    }
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The access token is invalid.');
  }
}
