import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '../../modules/auth/user.entity.js';
import type { Actor } from './actor.js';

export const ACCESS_KEY = 'tessera:access';
export const API_SCOPES_KEY = 'tessera:api-scopes';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: StaffRole[] };

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person, customer or staff. */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);
/** Staff holding one of these roles; admins always pass. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);
/** Also lets API clients holding one of these scopes through (on top of Authenticated/Roles). */
export const ApiScopes = (...scopes: string[]) => SetMetadata(API_SCOPES_KEY, scopes);

export interface RequestWithActor {
  actor?: Actor | null;
  user?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | null => {
  return ctx.switchToHttp().getRequest<RequestWithActor>().actor ?? null;
});
