import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export interface AccessLevelOption {
  level: string;
  /** The ticket types that carry this level. */
  ticketTypes: string[];
}

/** The access levels the event's ticket types use (general, vip, ...), each with the types that carry it. */
export async function listAccessLevels(eventId: string, signal?: AbortSignal): Promise<AccessLevelOption[]> {
  const types = await unwrap(api.GET('/api/tickets/types', { params: { query: { eventId, limit: 200 } }, signal }));
  const levels = new Map<string, string[]>();
  for (const type of types.items) levels.set(type.accessLevel, [...(levels.get(type.accessLevel) ?? []), type.name]);
  return [...levels]
    .map(([level, ticketTypes]) => ({ level, ticketTypes }))
    .sort((a, b) => a.level.localeCompare(b.level));
}
