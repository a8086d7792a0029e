import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { currentRequestId } from '../logging/logger.js';
import { AuditLogEntity } from './audit-log.entity.js';

export const GENESIS_HASH = '0'.repeat(64);
// One advisory lock serialises appends, so each row sees the true previous hash.
const AUDIT_CHAIN_LOCK = 7_274_001;

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Key order is fixed so the hash of a row is reproducible from what the database returns. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function rowHash(prevHash: string, row: Omit<AuditLogEntity, 'id' | 'hash' | 'prevHash'>): string {
  const body = canonical({
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>) {}

  /** Appends inside the caller's transaction; call it last, so the chain lock is held briefly. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = (await manager.query('SELECT hash FROM audit_logs ORDER BY id DESC LIMIT 1')) as { hash: string }[];
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row = {
      at: new Date(Math.floor(Date.now())),
      actorType: entry.actor?.kind ?? 'system',
      actorId: entry.actor ? (entry.actor.kind === 'user' ? entry.actor.userId : entry.actor.clientId) : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.actor?.requestId ?? currentRequestId(),
    };
    // Hash what a reader will get back from jsonb (dates as strings, no undefined).
    const stored = {
      ...row,
      before: row.before ? (JSON.parse(JSON.stringify(row.before)) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(JSON.stringify(row.after)) as Record<string, unknown>) : null,
    };
    const hash = rowHash(prevHash, stored);
    await manager.query(
      `INSERT INTO audit_logs (at, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        stored.at,
        stored.actorType,
        stored.actorId,
        stored.action,
        stored.entityType,
        stored.entityId,
        stored.before,
        stored.after,
        stored.requestId,
        prevHash,
        hash,
      ],
    );
  }

  list(query: AuditQuery): Promise<[AuditLogEntity[], number]> {
    const qb = this.logs.createQueryBuilder('a').orderBy('a.id', 'DESC').take(query.limit).skip(query.offset);
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    return qb.getManyAndCount();
  }

  /** Walks the whole chain in id order, recomputing every hash. */
  async verify(batchSize = 1000): Promise<{ valid: boolean; checked: number; brokenAt: string | null }> {
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const rows = await this.logs
        .createQueryBuilder('a')
        .where('a.id > :afterId', { afterId })
        .orderBy('a.id', 'ASC')
        .take(batchSize)
        .getMany();
      if (rows.length === 0) return { valid: true, checked, brokenAt: null };
      for (const row of rows) {
        if (row.prevHash !== prevHash || rowHash(prevHash, row) !== row.hash) {
          return { valid: false, checked, brokenAt: String(row.id) };
        }
        prevHash = row.hash;
        checked++;
      }
      afterId = String(rows[rows.length - 1].id);
    }
  }
}
