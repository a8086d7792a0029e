import type { StaffRole } from './roles.js';

/** The request an actor acts through: audit rows carry its id, as the access log and problems do. */
interface Through {
  requestId?: string;
}
export type UserActor = Through & { kind: 'user'; userId: string; roles: StaffRole[]; sessionId: string };
export type ApiClientActor = Through & { kind: 'api_client'; clientId: string; scopes: string[] };
/** Who is calling: a person with a session, or a vendor/system integration with an API key. */
export type Actor = UserActor | ApiClientActor;

export const isStaff = (actor: Actor | null | undefined): actor is UserActor =>
  actor?.kind === 'user' && actor.roles.length > 0;

export const hasRole = (actor: Actor | null | undefined, ...roles: StaffRole[]): boolean =>
  actor?.kind === 'user' && (actor.roles.includes('admin') || roles.some((r) => actor.roles.includes(r)));
