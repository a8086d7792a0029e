import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupCommit } from '../../platform/database/group-commit.js';
import type { PurchaseEventType } from './purchase-event.entity.js';
import type { Channel, PurchaseItem, PurchaseStatus } from './purchase.entity.js';

export interface PurchaseRow {
  id: string;
  eventId: string;
  customerId: string | null;
  buyerEmail: string | null;
  buyerName: string | null;
  channel: Channel;
  soldBy: string | null;
  apiClientId: string | null;
  holdId: string | null;
  status: PurchaseStatus;
  total: number;
  refundedAmount: number;
  currency: string;
  items: PurchaseItem[];
  paymentMethod: string;
  version: number;
  paidAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, event_id AS "eventId", customer_id AS "customerId", buyer_email AS "buyerEmail", buyer_name AS "buyerName",
  channel, sold_by AS "soldBy", api_client_id AS "apiClientId", hold_id AS "holdId", status, total, refunded_amount AS "refundedAmount",
  currency, items, payment_method AS "paymentMethod", version, paid_at AS "paidAt", created_at AS "createdAt"`;

/** The purchase projection and its append-only event log, always written together. */
/** Why `sales_sell_direct` could not sell (its TS001 message and detail). */
interface Raised {
  raised: string;
  detail: string | null;
}

function refusalOf({ raised, detail }: Raised): DirectSaleOutcome {
  if (raised === 'sold_out') {
    const d = JSON.parse(detail ?? '{}') as { ticketTypeId: string; held: number };
    return { outcome: 'sold_out', ticketTypeId: d.ticketTypeId, held: d.held };
  }
  if (raised === 'stale' || raised === 'seat_taken') return { outcome: raised };
  return { outcome: 'refused' };
}

@Injectable()
export class PurchasesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(
    m: EntityManager,
    p: Omit<PurchaseRow, 'id' | 'status' | 'refundedAmount' | 'version' | 'paidAt' | 'createdAt'>,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO ticket_purchases (event_id, customer_id, buyer_email, buyer_name, channel, sold_by, api_client_id, hold_id, status, total, currency, items, payment_method)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending_payment', $9, $10, $11, $12) RETURNING id`,
      [
        p.eventId,
        p.customerId,
        p.buyerEmail,
        p.buyerName,
        p.channel,
        p.soldBy,
        p.apiClientId,
        p.holdId,
        p.total,
        p.currency,
        JSON.stringify(p.items),
        p.paymentMethod,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** A sale that is paid at once: the projection and its first events, in two statements. */
  async insertPaid(
    m: EntityManager,
    p: Omit<PurchaseRow, 'status' | 'refundedAmount' | 'version' | 'createdAt' | 'paidAt'> & { paidAt: Date },
    events: { type: PurchaseEventType; data: Record<string, unknown> }[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO ticket_purchases (id, event_id, customer_id, buyer_email, buyer_name, channel, sold_by, api_client_id, hold_id, status, total, currency, items, payment_method, version, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, 'paid', $9, $10, $11, $12, $13, $14)`,
      [
        p.id,
        p.eventId,
        p.customerId,
        p.buyerEmail,
        p.buyerName,
        p.channel,
        p.soldBy,
        p.apiClientId,
        p.total,
        p.currency,
        JSON.stringify(p.items),
        p.paymentMethod,
        events.length,
        p.paidAt,
      ],
    );
    await m.query(
      `INSERT INTO purchase_events (purchase_id, seq, type, data)
       SELECT $1, e.seq, e.type, e.data::jsonb FROM unnest($2::int[], $3::text[], $4::text[]) AS e(seq, type, data)`,
      [p.id, events.map((_e, i) => i + 1), events.map((e) => e.type), events.map((e) => JSON.stringify(e.data))],
    );
  }

  /**
   * One flash sale in one statement (migration DirectSale: `sales_sell_direct`). Sales arriving
   * together go as one batch (`sales_sell_direct_batch`): one commit, the quota row locked once. A
   * reason the function could not sell for (SQLSTATE TS001) comes back as an outcome; nothing was
   * written for that sale then. A batch that fails as a whole wrote nothing: each of its sales is
   * then sent alone (the Idempotency-Key makes a sale that did commit answer as a replay).
   */
  async sellDirect(sale: Record<string, unknown>): Promise<DirectSaleOutcome> {
    const json = JSON.stringify(sale);
    const r = await this.directSales.submit(json).catch(() => this.sellOne(json));
    return 'raised' in r ? refusalOf(r) : r;
  }

  private readonly directSales = new GroupCommit<string, DirectSaleOutcome | Raised>(
    async (sales) => {
      const [{ r }] = (await this.ds.query('SELECT sales_sell_direct_batch($1::jsonb) AS r', [
        `[${sales.join(',')}]`,
      ])) as { r: (DirectSaleOutcome | Raised)[] }[];
      return r;
    },
    { maxBatch: 32, maxInFlight: 2 },
  );

  private async sellOne(json: string): Promise<DirectSaleOutcome | Raised> {
    try {
      const [{ r }] = (await this.ds.query('SELECT sales_sell_direct($1::jsonb) AS r', [json])) as {
        r: DirectSaleOutcome;
      }[];
      return r;
    } catch (error) {
      const pg = (error as { driverError?: { code?: string; message?: string; detail?: string } }).driverError;
      if (pg?.code !== 'TS001') throw error;
      return { raised: pg.message ?? '', detail: pg.detail ?? null };
    }
  }

  /** Appends the next event (sequence = version + 1) in the caller's transaction. */
  async append(
    m: EntityManager,
    purchaseId: string,
    type: PurchaseEventType,
    data: Record<string, unknown>,
  ): Promise<number> {
    const [row] = (await m.query(
      `WITH p AS (UPDATE ticket_purchases SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version)
       INSERT INTO purchase_events (purchase_id, seq, type, data) SELECT $1, p.version, $2, $3 FROM p RETURNING seq`,
      [purchaseId, type, JSON.stringify(data)],
    )) as { seq: number }[];
    return row.seq;
  }

  /** Compare-and-set of the projection's status; false when it was not in `from`. */
  async moveStatus(
    m: EntityManager,
    id: string,
    from: PurchaseStatus[],
    to: PurchaseStatus,
    extra: { paidAt?: Date } = {},
  ): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE ticket_purchases SET status = $3, paid_at = COALESCE($4, paid_at), updated_at = now()
        WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
      [id, from, to, extra.paidAt ?? null],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async addRefund(m: EntityManager, id: string, amount: number, full: boolean): Promise<void> {
    await m.query(
      `UPDATE ticket_purchases SET refunded_amount = refunded_amount + $2, status = $3, updated_at = now() WHERE id = $1`,
      [id, amount, full ? 'refunded' : 'partially_refunded'],
    );
  }

  async get(id: string, m: EntityManager = this.ds.manager, lock = false): Promise<PurchaseRow | null> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM ticket_purchases WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ])) as PurchaseRow[];
    return row ?? null;
  }

  async list(filter: {
    customerId?: string;
    q?: string;
    eventId?: string;
    status?: string;
    channel?: string;
    limit: number;
    offset: number;
  }) {
    const where = `WHERE ($1::uuid IS NULL OR customer_id = $1::uuid)
        AND ($2::text IS NULL OR id::text = $2 OR buyer_email ILIKE '%' || $2 || '%' OR buyer_name ILIKE '%' || $2 || '%')
        AND ($3::uuid IS NULL OR event_id = $3::uuid)
        AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR channel = $5)`;
    const args = [
      filter.customerId ?? null,
      filter.q?.trim() || null,
      filter.eventId ?? null,
      filter.status ?? null,
      filter.channel ?? null,
    ];
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM ticket_purchases ${where} ORDER BY created_at DESC, id LIMIT $6 OFFSET $7`,
      [...args, filter.limit, filter.offset],
    )) as PurchaseRow[];
    const [{ n }] = (await this.ds.query(`SELECT count(*)::int AS n FROM ticket_purchases ${where}`, args)) as {
      n: number;
    }[];
    return { rows, total: n };
  }

  /** Whether the purchase's hold was made for it (bought straight from items), as its `created` event says. */
  async madeItsHold(m: EntityManager, purchaseId: string): Promise<boolean> {
    const [row] = (await m.query(
      "SELECT data->>'implicitHold' = 'true' AS made FROM purchase_events WHERE purchase_id = $1 AND type = 'created'",
      [purchaseId],
    )) as { made: boolean | null }[];
    return row?.made === true;
  }

  async events(purchaseId: string, m: EntityManager = this.ds.manager) {
    return (await m.query(
      'SELECT seq, type, data, created_at AS "createdAt" FROM purchase_events WHERE purchase_id = $1 ORDER BY seq',
      [purchaseId],
    )) as {
      seq: number;
      type: PurchaseEventType;
      data: Record<string, unknown>;
      createdAt: Date;
    }[];
  }

  /** Purchases of an event still waiting for their payment, with that payment. */
  async pendingForEvent(eventId: string): Promise<{ id: string; paymentId: string; ref: string | null }[]> {
    return (await this.ds.query(
      `SELECT p.id, pay.id AS "paymentId", pay.provider_ref AS ref
         FROM ticket_purchases p JOIN payments pay ON pay.purchase_id = p.id AND pay.status = 'pending'
        WHERE p.event_id = $1 AND p.status = 'pending_payment' ORDER BY p.created_at`,
      [eventId],
    )) as { id: string; paymentId: string; ref: string | null }[];
  }

  /** Paid purchases with a refund due that is not done yet (see SalesService.settle). */
  async refundDueIds(limit: number): Promise<{ id: string; reason: string }[]> {
    return (await this.ds.query(
      `SELECT p.id, e.data->>'reason' AS reason
         FROM ticket_purchases p JOIN purchase_events e ON e.purchase_id = p.id AND e.type = 'refund_due'
        WHERE p.status IN ('paid', 'partially_refunded') ORDER BY p.created_at LIMIT $1`,
      [limit],
    )) as { id: string; reason: string }[];
  }

  async paidIdsForEvent(eventId: string): Promise<string[]> {
    const rows = (await this.ds.query(
      "SELECT id FROM ticket_purchases WHERE event_id = $1 AND status IN ('paid', 'partially_refunded') ORDER BY created_at",
      [eventId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async allIds(afterId: string | null, limit: number): Promise<string[]> {
    const rows = (await this.ds.query(
      `SELECT id FROM (SELECT id FROM ticket_purchases UNION SELECT purchase_id FROM purchase_events) ids
        WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }
}

export type DirectSaleOutcome =
  | { outcome: 'sold'; buyerEmail: string | null }
  | { outcome: 'replay'; hash: string | null; answer: unknown }
  | { outcome: 'sold_out'; ticketTypeId: string; held: number }
  | { outcome: 'stale' }
  | { outcome: 'seat_taken' }
  | { outcome: 'refused' };
