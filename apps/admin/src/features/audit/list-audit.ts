import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type AuditEntry = Schemas['AuditEntryDto'];

export interface AuditFilters {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** ISO 8601 bounds of `at`. */
  from?: string;
  to?: string;
}

export function listAudit(filters: AuditFilters, page: { limit: number; offset: number }, signal?: AbortSignal) {
  const query = {
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    limit: page.limit,
    offset: page.offset,
  };
  return unwrap(api.GET('/api/audit', { params: { query }, signal }));
}
