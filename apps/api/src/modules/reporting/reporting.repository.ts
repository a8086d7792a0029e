import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Reporting is a read model: it reads other modules' tables (ticket_purchases, purchase_events,
 * issued_tickets, ticket_types, games, check_ins, validation_logs, gates, tickets) with read-only
 * SQL and never writes them. Its only table is report_runs. Queries here must stay SELECTs.
 */

export type SalesGroup = 'event' | 'ticket_type' | 'channel' | 'day';
export type CheckInGroup = 'event' | 'gate';

export interface ReportRange {
  from: Date;
  to: Date;
  eventId?: string | null;
  tz: string;
}

export interface SalesRow {
  key: string | null;
  label: string | null;
  eventId: string | null;
  currency: string;
  purchases: number;
  tickets: number;
  ticketsRefunded: number;
  gross: number;
  refunds: number;
  capacity: number | null;
  isTotal: boolean;
}

export interface CheckInRow {
  eventId: string;
  eventName: string;
  startsAt: Date;
  gateId: string | null;
  gateName: string | null;
  tickets: number;
  admitted: number;
  entries: number;
  rejected: number;
}

export interface PurchaseExportRow {
  id: string;
  paidAt: Date;
  eventId: string;
  eventName: string;
  channel: string;
  status: string;
  currency: string;
  total: number;
  refundedAmount: number;
  tickets: number;
  buyerEmail: string | null;
}

// Each grouping: the key of a fact row, then how a key is labelled and what capacity it has.
const GROUPS: Record<SalesGroup, { key: string; label: string; capacity: string; eventId: string }> = {
  event: {
    key: 'f.event_id::text',
    label: '(SELECT g.name FROM games g WHERE g.id::text = a.key)',
    capacity: `(SELECT CASE WHEN bool_and(tt.capacity IS NOT NULL) THEN sum(tt.capacity) END
                  FROM ticket_types tt WHERE tt.event_id::text = a.key)`,
    eventId: 'a.key',
  },
  ticket_type: {
    key: 'f.type_id::text',
    label: '(SELECT tt.name FROM ticket_types tt WHERE tt.id::text = a.key)',
    capacity: '(SELECT tt.capacity FROM ticket_types tt WHERE tt.id::text = a.key)',
    eventId: '(SELECT tt.event_id::text FROM ticket_types tt WHERE tt.id::text = a.key)',
  },
  channel: { key: 'f.channel', label: 'a.key', capacity: 'NULL', eventId: 'NULL' },
  day: { key: "to_char(f.paid_at AT TIME ZONE $4, 'YYYY-MM-DD')", label: 'a.key', capacity: 'NULL', eventId: 'NULL' },
};

/**
 * One row per (paid purchase, ticket type) sold in the range: tickets, gross, refunds and refunded
 * tickets. A purchase counts on the day it was paid; its refunds count against it whenever they
 * happened. A refund that names tickets is shared over those tickets' prices, one that names only
 * an amount over the purchase's lines; the rounding remainder goes to the largest share, so the
 * refunds of every grouping add up exactly to the refunded amounts of the purchases.
 */
const FACTS = `
  sales AS (
    SELECT p.id, p.event_id, p.channel, p.currency, p.paid_at, p.items
      FROM ticket_purchases p
     WHERE p.paid_at >= $1 AND p.paid_at < $2
       AND p.status IN ('paid', 'partially_refunded', 'refunded')
       AND ($3::uuid IS NULL OR p.event_id = $3::uuid)
  ),
  lines AS (
    SELECT s.id AS purchase_id, i."ticketTypeId" AS type_id,
           sum(i.quantity)::bigint AS tickets, sum(i.quantity::bigint * i."unitPrice")::bigint AS gross
      FROM sales s CROSS JOIN LATERAL jsonb_to_recordset(s.items) AS i("ticketTypeId" uuid, quantity int, "unitPrice" int)
     GROUP BY s.id, i."ticketTypeId"
  ),
  refund_events AS (
    SELECT e.id, e.purchase_id, (e.data->>'amount')::bigint AS amount,
           CASE WHEN jsonb_typeof(e.data->'ticketIds') = 'array' AND jsonb_array_length(e.data->'ticketIds') > 0
                THEN ARRAY(SELECT jsonb_array_elements_text(e.data->'ticketIds'))::uuid[] END AS ticket_ids
      FROM purchase_events e JOIN sales s ON s.id = e.purchase_id
     WHERE e.type = 'refunded'
  ),
  weights AS (
    SELECT r.id AS refund_id, r.purchase_id, r.amount, t.ticket_type_id AS type_id, sum(t.price)::bigint AS w
      FROM refund_events r JOIN issued_tickets t ON t.id = ANY (r.ticket_ids)
     WHERE r.ticket_ids IS NOT NULL
     GROUP BY r.id, r.purchase_id, r.amount, t.ticket_type_id
    UNION ALL
    SELECT r.id, r.purchase_id, r.amount, l.type_id, l.gross
      FROM refund_events r JOIN lines l ON l.purchase_id = r.purchase_id
     WHERE r.ticket_ids IS NULL
  ),
  shares AS (
    SELECT refund_id, purchase_id, type_id, amount,
           CASE WHEN sum(w) OVER r = 0 THEN 0 ELSE floor(amount * w / sum(w) OVER r)::bigint END AS share,
           row_number() OVER (PARTITION BY refund_id ORDER BY w DESC, type_id) AS rn
      FROM weights WINDOW r AS (PARTITION BY refund_id)
  ),
  allocated AS (
    SELECT purchase_id, type_id,
           sum(share + CASE WHEN rn = 1 THEN amount - allotted ELSE 0 END)::bigint AS refunds
      FROM (SELECT *, sum(share) OVER (PARTITION BY refund_id) AS allotted FROM shares) x
     GROUP BY purchase_id, type_id
  ),
  refunded_tickets AS (
    SELECT t.purchase_id, t.ticket_type_id AS type_id, count(*)::bigint AS n
      FROM issued_tickets t JOIN sales s ON s.id = t.purchase_id
     WHERE t.status = 'refunded'
     GROUP BY t.purchase_id, t.ticket_type_id
  ),
  facts AS (
    SELECT s.id AS purchase_id, s.event_id, s.channel, s.currency, s.paid_at, l.type_id, l.tickets, l.gross,
           coalesce(a.refunds, 0) AS refunds, coalesce(rt.n, 0) AS tickets_refunded
      FROM sales s JOIN lines l ON l.purchase_id = s.id
      LEFT JOIN allocated a ON a.purchase_id = s.id AND a.type_id = l.type_id
      LEFT JOIN refunded_tickets rt ON rt.purchase_id = s.id AND rt.type_id = l.type_id
  )`;

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

@Injectable()
export class ReportingRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Resolves a range: a plain date starts at local midnight in `tz`, and a plain `to` date is
   * inclusive (the range ends at the next midnight). Also says whether it is longer than two years.
   */
  async resolveRange(
    from: string,
    to: string,
    tz: string,
  ): Promise<{ from: Date; to: Date; tooLong: boolean; backwards: boolean }> {
    const [row] = (await this.ds.query(
      `WITH r AS (
         SELECT CASE WHEN $1 ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN $1::date::timestamp AT TIME ZONE $3 ELSE $1::timestamptz END AS f,
                CASE WHEN $2 ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN ($2::date + 1)::timestamp AT TIME ZONE $3 ELSE $2::timestamptz END AS t)
       SELECT f, t, t > (f AT TIME ZONE $3 + interval '2 years') AT TIME ZONE $3 AS "tooLong", t <= f AS backwards FROM r`,
      [from, to, tz],
    )) as { f: Date; t: Date; tooLong: boolean; backwards: boolean }[];
    return { from: row.f, to: row.t, tooLong: row.tooLong, backwards: row.backwards };
  }

  /** Today's date (YYYY-MM-DD) in a time zone, and that day's bounds. */
  async today(tz: string): Promise<{ date: string; from: Date; to: Date }> {
    const [row] = (await this.ds.query(
      `SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS date,
              date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1 AS f,
              (date_trunc('day', now() AT TIME ZONE $1) + interval '1 day') AT TIME ZONE $1 AS t`,
      [tz],
    )) as { date: string; f: Date; t: Date }[];
    return { date: row.date, from: row.f, to: row.t };
  }

  async isKnownTimeZone(tz: string): Promise<boolean> {
    const [row] = (await this.ds.query('SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS ok', [
      tz,
    ])) as { ok: boolean }[];
    return row.ok;
  }

  /** Sales grouped by `group` and currency, plus one total row per currency (isTotal). */
  async sales(range: ReportRange, group: SalesGroup): Promise<SalesRow[]> {
    const g = GROUPS[group];
    const rows = (await this.ds.query(
      `WITH ${FACTS},
       agg AS (
         SELECT x.key, x.currency, grouping(x.key) = 1 AS is_total,
                count(DISTINCT x.purchase_id) AS purchases, sum(x.tickets) AS tickets,
                sum(x.tickets_refunded) AS tickets_refunded, sum(x.gross) AS gross, sum(x.refunds) AS refunds
           FROM (SELECT ${g.key} AS key, f.* FROM facts f) x
          GROUP BY GROUPING SETS ((x.key, x.currency), (x.currency))
       )
       SELECT a.key, a.currency, a.is_total AS "isTotal", a.purchases, a.tickets, a.tickets_refunded AS "ticketsRefunded",
              a.gross, a.refunds,
              CASE WHEN a.is_total THEN NULL ELSE ${g.label} END AS label,
              CASE WHEN a.is_total THEN NULL ELSE ${g.capacity} END AS capacity,
              CASE WHEN a.is_total THEN NULL ELSE ${g.eventId} END AS "eventId"
         FROM agg a
        ORDER BY a.is_total, a.currency, ${group === 'day' ? 'a.key' : 'a.gross DESC, a.key'}`,
      // Only the day grouping uses the time zone ($4); PostgreSQL refuses a parameter nobody uses.
      [range.from, range.to, range.eventId ?? null, ...(group === 'day' ? [range.tz] : [])],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? null,
      eventId: (r.eventId as string | null) ?? null,
      currency: String(r.currency).trim(),
      purchases: num(r.purchases),
      tickets: num(r.tickets),
      ticketsRefunded: num(r.ticketsRefunded),
      gross: num(r.gross),
      refunds: num(r.refunds),
      capacity: numOrNull(r.capacity),
      isTotal: Boolean(r.isTotal),
    }));
  }

  /** Events starting in the range: valid tickets, tickets admitted, scans; per gate when asked. */
  async checkIns(range: ReportRange, group: CheckInGroup): Promise<CheckInRow[]> {
    const events = `SELECT g.id, g.name, g.starts_at,
                           (SELECT count(*) FROM issued_tickets t WHERE t.event_id = g.id AND t.status = 'valid') AS tickets
                      FROM games g
                     WHERE g.starts_at >= $1 AND g.starts_at < $2 AND ($3::uuid IS NULL OR g.id = $3::uuid)`;
    const sql =
      group === 'event'
        ? `WITH ev AS (${events})
           SELECT ev.id AS "eventId", ev.name AS "eventName", ev.starts_at AS "startsAt", NULL AS "gateId", NULL AS "gateName",
                  ev.tickets,
                  (SELECT count(*) FROM issued_tickets t WHERE t.event_id = ev.id AND t.status = 'valid'
                      AND EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id)) AS admitted,
                  (SELECT count(*) FROM validation_logs l WHERE l.event_id = ev.id AND l.result = 'admitted' AND l.direction = 'entry') AS entries,
                  (SELECT count(*) FROM validation_logs l WHERE l.event_id = ev.id AND l.result = 'rejected') AS rejected
             FROM ev ORDER BY ev.starts_at, ev.name`
        : `WITH ev AS (${events})
           SELECT ev.id AS "eventId", ev.name AS "eventName", ev.starts_at AS "startsAt", gt.id AS "gateId",
                  coalesce(gt.name, 'Without a gate') AS "gateName", ev.tickets,
                  count(DISTINCT l.ticket_id) FILTER (WHERE l.result = 'admitted' AND l.direction = 'entry') AS admitted,
                  count(l.id) FILTER (WHERE l.result = 'admitted' AND l.direction = 'entry') AS entries,
                  count(l.id) FILTER (WHERE l.result = 'rejected') AS rejected
             FROM ev
            CROSS JOIN LATERAL (SELECT x.id, x.name FROM gates x WHERE x.event_id = ev.id
                                UNION ALL SELECT NULL::uuid, NULL::text) gt
             LEFT JOIN validation_logs l ON l.event_id = ev.id AND l.gate_id IS NOT DISTINCT FROM gt.id
            GROUP BY ev.id, ev.name, ev.starts_at, ev.tickets, gt.id, gt.name
           HAVING gt.id IS NOT NULL OR count(l.id) > 0
            ORDER BY ev.starts_at, ev.name, gt.id IS NULL, gt.name`;
    const rows = (await this.ds.query(sql, [range.from, range.to, range.eventId ?? null])) as Record<string, unknown>[];
    return rows.map((r) => ({
      eventId: String(r.eventId),
      eventName: String(r.eventName),
      startsAt: r.startsAt as Date,
      gateId: (r.gateId as string | null) ?? null,
      gateName: (r.gateName as string | null) ?? null,
      tickets: num(r.tickets),
      admitted: num(r.admitted),
      entries: num(r.entries),
      rejected: num(r.rejected),
    }));
  }

  async countPurchases(range: ReportRange): Promise<number> {
    const [row] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM ticket_purchases p
        WHERE p.paid_at >= $1 AND p.paid_at < $2 AND p.status IN ('paid', 'partially_refunded', 'refunded')
          AND ($3::uuid IS NULL OR p.event_id = $3::uuid)`,
      [range.from, range.to, range.eventId ?? null],
    )) as { n: number }[];
    return row.n;
  }

  /** One page of paid purchases in the range, in (paid_at, id) order after the given position. */
  async purchasesPage(
    range: ReportRange,
    after: { paidAt: Date; id: string } | null,
    limit: number,
  ): Promise<PurchaseExportRow[]> {
    const rows = (await this.ds.query(
      `SELECT p.id, p.paid_at AS "paidAt", p.event_id AS "eventId", g.name AS "eventName", p.channel, p.status,
              p.currency, p.total, p.refunded_amount AS "refundedAmount", p.buyer_email AS "buyerEmail",
              (SELECT coalesce(sum((i->>'quantity')::int), 0) FROM jsonb_array_elements(p.items) i)::int AS tickets
         FROM ticket_purchases p JOIN games g ON g.id = p.event_id
        WHERE p.paid_at >= $1 AND p.paid_at < $2 AND p.status IN ('paid', 'partially_refunded', 'refunded')
          AND ($3::uuid IS NULL OR p.event_id = $3::uuid)
          AND ($4::timestamptz IS NULL OR (p.paid_at, p.id) > ($4::timestamptz, $5::uuid))
        ORDER BY p.paid_at, p.id
        LIMIT $6`,
      [range.from, range.to, range.eventId ?? null, after?.paidAt ?? null, after?.id ?? null, limit],
    )) as PurchaseExportRow[];
    return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
  }

  /** Events running today (by start, or still within their end) with live sales and entry figures. */
  async todaysEvents(
    from: Date,
    to: Date,
  ): Promise<
    {
      id: string;
      name: string;
      startsAt: Date;
      status: string;
      sold: number;
      capacity: number | null;
      tickets: number;
      admitted: number;
      lastScanAt: Date | null;
    }[]
  > {
    const rows = (await this.ds.query(
      `SELECT g.id, g.name, g.starts_at AS "startsAt", g.status,
              (SELECT coalesce(sum(tt.sold), 0) FROM ticket_types tt WHERE tt.event_id = g.id) AS sold,
              (SELECT CASE WHEN bool_and(tt.capacity IS NOT NULL) THEN sum(tt.capacity) END
                 FROM ticket_types tt WHERE tt.event_id = g.id) AS capacity,
              (SELECT count(*) FROM issued_tickets t WHERE t.event_id = g.id AND t.status = 'valid') AS tickets,
              (SELECT count(*) FROM issued_tickets t WHERE t.event_id = g.id AND t.status = 'valid'
                  AND EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id)) AS admitted,
              (SELECT max(l.scanned_at) FROM validation_logs l WHERE l.event_id = g.id) AS "lastScanAt"
         FROM games g
        WHERE g.status <> 'draft' AND g.starts_at < $2 AND coalesce(g.ends_at, g.starts_at + interval '6 hours') >= $1
        ORDER BY g.starts_at, g.name`,
      [from, to],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      startsAt: r.startsAt as Date,
      status: String(r.status),
      sold: num(r.sold),
      capacity: numOrNull(r.capacity),
      tickets: num(r.tickets),
      admitted: num(r.admitted),
      lastScanAt: (r.lastScanAt as Date | null) ?? null,
    }));
  }

  /**
   * Support tickets waiting on staff (open) and on customers (pending), and how fast tickets
   * opened in the last 30 days got a first answer and a resolution (seconds, on average).
   */
  async supportBacklog(): Promise<{
    open: number;
    pending: number;
    unassigned: number;
    averageFirstResponseSeconds: number | null;
    averageResolutionSeconds: number | null;
  }> {
    const [row] = (await this.ds.query(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status IN ('open', 'pending') AND assignee_id IS NULL)::int AS unassigned,
              round(avg(extract(epoch FROM first_response_at - created_at))
                    FILTER (WHERE created_at >= now() - interval '30 days'))::int AS "averageFirstResponseSeconds",
              round(avg(extract(epoch FROM resolved_at - created_at))
                    FILTER (WHERE created_at >= now() - interval '30 days'))::int AS "averageResolutionSeconds"
         FROM tickets`,
    )) as {
      open: number;
      pending: number;
      unassigned: number;
      averageFirstResponseSeconds: number | null;
      averageResolutionSeconds: number | null;
    }[];
    return row;
  }
}
