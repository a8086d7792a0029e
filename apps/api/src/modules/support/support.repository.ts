import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { containsPattern } from '../../platform/database/like.js';
import type { SupportPriority, SupportStatus } from './support-ticket.entity.js';

export interface SupportTicketRow {
  id: string;
  number: string;
  customerId: string;
  subject: string;
  purchaseId: string | null;
  eventId: string | null;
  status: SupportStatus;
  priority: SupportPriority;
  assigneeId: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  lastMessageAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface SupportMessageRow {
  id: string;
  ticketId: string;
  authorId: string;
  authorKind: 'customer' | 'staff';
  body: string;
  internal: boolean;
  createdAt: Date;
}

export interface SupportTicketFilter {
  customerId?: string;
  status?: SupportStatus;
  priority?: SupportPriority;
  assigneeId?: string;
  eventId?: string;
  q?: string;
  /** Search internal notes too (staff only). */
  includeInternal: boolean;
  limit: number;
  offset: number;
}

const COLUMNS = `t.id, t.number::text AS number, t.customer_id AS "customerId", t.subject, t.purchase_id AS "purchaseId",
  t.event_id AS "eventId", t.status, t.priority, t.assignee_id AS "assigneeId", t.first_response_at AS "firstResponseAt",
  t.resolved_at AS "resolvedAt", t.closed_at AS "closedAt", t.last_message_at AS "lastMessageAt",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const MESSAGE_COLUMNS = `m.id, m.ticket_id AS "ticketId", m.author_id AS "authorId", m.author_kind AS "authorKind",
  m.body, m.internal, m.created_at AS "createdAt"`;

// The staff queue shows the most urgent first; customers see their latest conversations first.
const PRIORITY_ORDER = `CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,`;

/** The support desk's SQL: `tickets` and `ticket_messages`. */
@Injectable()
export class SupportRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(
    m: EntityManager,
    t: { customerId: string; subject: string; purchaseId: string | null; eventId: string | null },
  ): Promise<SupportTicketRow> {
    const [row] = (await m.query(
      `INSERT INTO tickets AS t (customer_id, subject, purchase_id, event_id, last_message_at, updated_at)
       VALUES ($1, $2, $3, $4, now(), now()) RETURNING ${COLUMNS}`,
      [t.customerId, t.subject, t.purchaseId, t.eventId],
    )) as SupportTicketRow[];
    return row;
  }

  async get(id: string, m: EntityManager = this.ds.manager, lock = false): Promise<SupportTicketRow | null> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM tickets t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ])) as SupportTicketRow[];
    return row ?? null;
  }

  async addMessage(
    m: EntityManager,
    msg: { ticketId: string; authorId: string; authorKind: 'customer' | 'staff'; body: string; internal: boolean },
  ): Promise<SupportMessageRow> {
    const [row] = (await m.query(
      `INSERT INTO ticket_messages AS m (ticket_id, author_id, author_kind, body, internal)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${MESSAGE_COLUMNS}`,
      [msg.ticketId, msg.authorId, msg.authorKind, msg.body, msg.internal],
    )) as SupportMessageRow[];
    return row;
  }

  /** Applies a patch of columns (names are ours, never the caller's) and returns the row. */
  async update(
    m: EntityManager,
    id: string,
    patch: Partial<{
      status: SupportStatus;
      priority: SupportPriority;
      assigneeId: string | null;
      firstResponseAt: 'now';
      resolvedAt: 'now' | null;
      closedAt: 'now' | null;
      lastMessageAt: 'now';
    }>,
  ): Promise<SupportTicketRow> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    const column: Record<keyof typeof patch, string> = {
      status: 'status',
      priority: 'priority',
      assigneeId: 'assignee_id',
      firstResponseAt: 'first_response_at',
      resolvedAt: 'resolved_at',
      closedAt: 'closed_at',
      lastMessageAt: 'last_message_at',
    };
    for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
      if (value === undefined) continue;
      if (value === 'now') sets.push(`${column[key]} = now()`);
      else {
        params.push(value);
        sets.push(`${column[key]} = $${params.length}`);
      }
    }
    const [[row]] = (await m.query(`UPDATE tickets t SET ${sets.join(', ')} WHERE t.id = $1 RETURNING ${COLUMNS}`, [
      ...params,
    ])) as [SupportTicketRow[], number];
    return row;
  }

  async messages(ticketId: string, includeInternal: boolean): Promise<SupportMessageRow[]> {
    return (await this.ds.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ticket_messages m WHERE m.ticket_id = $1 AND ($2 OR NOT m.internal)
        ORDER BY m.created_at, m.id`,
      [ticketId, includeInternal],
    )) as SupportMessageRow[];
  }

  async list(f: SupportTicketFilter): Promise<{ rows: SupportTicketRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.customerId) add((p) => `t.customer_id = ${p}`, f.customerId);
    if (f.status) add((p) => `t.status = ${p}`, f.status);
    if (f.priority) add((p) => `t.priority = ${p}`, f.priority);
    if (f.assigneeId === 'none') where.push('t.assignee_id IS NULL');
    else if (f.assigneeId) add((p) => `t.assignee_id = ${p}`, f.assigneeId);
    if (f.eventId) add((p) => `t.event_id = ${p}`, f.eventId);
    const q = f.q?.trim();
    if (q) {
      const number = /^#?\d{1,15}$/.test(q) ? q.replace('#', '') : null;
      params.push(containsPattern(q), number, f.includeInternal);
      const [pattern, num, internal] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}`);
      where.push(`(t.subject ILIKE ${pattern} OR t.number::text = ${num}
        OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id AND m.body ILIKE ${pattern} AND (${internal} OR NOT m.internal)))`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.ds.query(`SELECT count(*)::int AS total FROM tickets t ${clause}`, params)) as {
      total: number;
    }[];
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM tickets t ${clause}
        ORDER BY ${f.includeInternal ? PRIORITY_ORDER : ''} t.last_message_at DESC, t.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    )) as SupportTicketRow[];
    return { rows, total };
  }
}
