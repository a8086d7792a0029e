import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { StaffRole } from './roles.js';
import type { Actor } from './actor.js';

export const ACCESS_KEY = 'tessera:access';
export const API_SCOPES_KEY = 'tessera:api-scopes';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: StaffRole[] };

/** Anyone may call this route, signed in or not. */
export const ACCESS_EXTENSION = 'x-tessera-access';

// Each rule is also written into the OpenAPI document, which turns it into `security` (see openapi.ts).
const declare = (rule: AccessRule) =>
  applyDecorators(SetMetadata(ACCESS_KEY, rule), ApiExtension(ACCESS_EXTENSION, rule));

export const Public = () => declare({ kind: 'public' });
/** Any signed-in person, customer or staff. */
export const Authenticated = () => declare({ kind: 'authenticated' });
/** Staff holding one of these roles; admins always pass. */
export const Roles = (...roles: StaffRole[]) => declare({ kind: 'roles', roles });
/** Also lets API clients holding one of these scopes through (on top of Authenticated/Roles). */
export const ApiScopes = (...scopes: string[]) =>
  applyDecorators(SetMetadata(API_SCOPES_KEY, scopes), ApiExtension(`${ACCESS_EXTENSION}-scopes`, scopes));

export interface RequestWithActor {
  actor?: Actor | null;
  user?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | null => {
  return ctx.switchToHttp().getRequest<RequestWithActor>().actor ?? null;
});
