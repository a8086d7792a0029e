import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppliedRule, PricePolicy, PriceRule } from './pricing-engine.js';

export interface StoredRules {
  ticketTypeId: string;
  eventId: string;
  policy: PricePolicy;
  rules: PriceRule[];
}

export interface PromoRow {
  id: string;
  eventId: string;
  code: string;
  kind: 'percent' | 'amount';
  value: number;
  ticketTypeIds: string[];
  unlocksTicketTypeIds: string[];
  maxUses: number | null;
  used: number;
  maxUsesPerCustomer: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  stackable: boolean;
  active: boolean;
  createdAt: Date;
}

export interface HistoryRow {
  id: string;
  ticketTypeId: string;
  price: number;
  previousPrice: number | null;
  currency: string;
  rules: AppliedRule[];
  reason: string;
  changedAt: Date;
}

const PROMO_COLUMNS = `id, event_id AS "eventId", code, kind, value, ticket_type_ids AS "ticketTypeIds",
  unlocks_ticket_type_ids AS "unlocksTicketTypeIds", max_uses AS "maxUses", used,
  max_uses_per_customer AS "maxUsesPerCustomer", valid_from AS "validFrom", valid_until AS "validUntil",
  stackable, active, created_at AS "createdAt"`;

/** SQL of price rules, price history, promo codes and their redemptions. */
@Injectable()
export class PricingRepository {
  async rulesOf(m: EntityManager, ticketTypeIds: string[], lock = false): Promise<Map<string, StoredRules>> {
    if (ticketTypeIds.length === 0) return new Map();
    const policies = (await m.query(
      `SELECT ticket_type_id AS "ticketTypeId", event_id AS "eventId", floor, ceiling, round_to AS "roundTo",
              max_rise_per_hour AS "maxRisePerHour"
         FROM price_policies WHERE ticket_type_id = ANY($1::uuid[]) ORDER BY ticket_type_id ${lock ? 'FOR UPDATE' : ''}`,
      [ticketTypeIds],
    )) as (PricePolicy & { ticketTypeId: string; eventId: string })[];
    const rules = (await m.query(
      `SELECT id, ticket_type_id AS "ticketTypeId", kind, label, params FROM price_rules
        WHERE ticket_type_id = ANY($1::uuid[]) ORDER BY ticket_type_id, position`,
      [ticketTypeIds],
    )) as { id: string; ticketTypeId: string; kind: PriceRule['kind']; label: string | null; params: object }[];
    const out = new Map<string, StoredRules>();
    for (const p of policies) {
      out.set(p.ticketTypeId, {
        ticketTypeId: p.ticketTypeId,
        eventId: p.eventId,
        policy: { floor: p.floor, ceiling: p.ceiling, roundTo: p.roundTo, maxRisePerHour: p.maxRisePerHour },
        rules: [],
      });
    }
    for (const r of rules) {
      out.get(r.ticketTypeId)?.rules.push({ ...r.params, id: r.id, kind: r.kind, label: r.label } as PriceRule);
    }
    return out;
  }

  async typesWithRules(m: EntityManager, eventId?: string): Promise<{ ticketTypeId: string; eventId: string }[]> {
    return m.query(
      `SELECT ticket_type_id AS "ticketTypeId", event_id AS "eventId" FROM price_policies
        WHERE ($1::uuid IS NULL OR event_id = $1::uuid) ORDER BY event_id, ticket_type_id`,
      [eventId ?? null],
    );
  }

  async hasRules(m: EntityManager, eventId: string): Promise<boolean> {
    const rows = (await m.query('SELECT 1 FROM price_policies WHERE event_id = $1 LIMIT 1', [eventId])) as unknown[];
    return rows.length > 0;
  }

  /** Replaces a type's rules (none: the type goes back to its base price). */
  async saveRules(m: EntityManager, stored: StoredRules): Promise<void> {
    await m.query('DELETE FROM price_rules WHERE ticket_type_id = $1', [stored.ticketTypeId]);
    if (stored.rules.length === 0) {
      await m.query('DELETE FROM price_policies WHERE ticket_type_id = $1', [stored.ticketTypeId]);
      return;
    }
    const { policy } = stored;
    await m.query(
      `INSERT INTO price_policies (ticket_type_id, event_id, floor, ceiling, round_to, max_rise_per_hour)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_type_id) DO UPDATE SET floor = $3, ceiling = $4, round_to = $5, max_rise_per_hour = $6,
         updated_at = now()`,
      [stored.ticketTypeId, stored.eventId, policy.floor, policy.ceiling, policy.roundTo, policy.maxRisePerHour],
    );
    await m.query(
      `INSERT INTO price_rules (id, ticket_type_id, position, kind, label, params)
       SELECT r.id, $1, r.position, r.kind, r.label, r.params
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, position int, kind text, label text, params jsonb)`,
      [
        stored.ticketTypeId,
        JSON.stringify(
          stored.rules.map(({ id, kind, label, ...params }, position) => ({
            id,
            position,
            kind,
            label: label ?? null,
            params,
          })),
        ),
      ],
    );
  }

  async lastPrice(m: EntityManager, ticketTypeId: string): Promise<HistoryRow | null> {
    const [row] = (await m.query(
      `SELECT id, ticket_type_id AS "ticketTypeId", price, previous_price AS "previousPrice", currency, rules, reason,
              changed_at AS "changedAt"
         FROM price_history WHERE ticket_type_id = $1 ORDER BY changed_at DESC, id DESC LIMIT 1`,
      [ticketTypeId],
    )) as HistoryRow[];
    return row ?? null;
  }

  async lastPrices(m: EntityManager, ticketTypeIds: string[]): Promise<Map<string, HistoryRow>> {
    if (ticketTypeIds.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT DISTINCT ON (ticket_type_id) id, ticket_type_id AS "ticketTypeId", price, previous_price AS "previousPrice",
              currency, rules, reason, changed_at AS "changedAt"
         FROM price_history WHERE ticket_type_id = ANY($1::uuid[])
        ORDER BY ticket_type_id, changed_at DESC, id DESC`,
      [ticketTypeIds],
    )) as HistoryRow[];
    return new Map(rows.map((r) => [r.ticketTypeId, r]));
  }

  async appendHistory(
    m: EntityManager,
    row: Omit<HistoryRow, 'id' | 'changedAt'> & { eventId: string; changedAt: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO price_history (ticket_type_id, event_id, price, previous_price, currency, rules, reason, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        row.ticketTypeId,
        row.eventId,
        row.price,
        row.previousPrice,
        row.currency,
        JSON.stringify(row.rules),
        row.reason,
        row.changedAt,
      ],
    );
  }

  async history(
    m: EntityManager,
    ticketTypeId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: HistoryRow[]; total: number }> {
    const rows = (await m.query(
      `SELECT id, ticket_type_id AS "ticketTypeId", price, previous_price AS "previousPrice", currency, rules, reason,
              changed_at AS "changedAt", count(*) OVER ()::int AS total
         FROM price_history WHERE ticket_type_id = $1 ORDER BY changed_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [ticketTypeId, limit, offset],
    )) as (HistoryRow & { total: number })[];
    const total = rows[0]?.total ?? 0;
    return { rows: rows.map(({ total: _t, ...r }) => r), total };
  }

  // ---- promo codes ------------------------------------------------------------------------------

  async promosByCode(m: EntityManager, code: string): Promise<PromoRow[]> {
    return m.query(`SELECT ${PROMO_COLUMNS} FROM promo_codes WHERE code = $1`, [code]);
  }

  async promosByIds(m: EntityManager, ids: string[]): Promise<PromoRow[]> {
    if (ids.length === 0) return [];
    return m.query(`SELECT ${PROMO_COLUMNS} FROM promo_codes WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
  }

  async promo(m: EntityManager, id: string): Promise<PromoRow | null> {
    const [row] = (await m.query(`SELECT ${PROMO_COLUMNS} FROM promo_codes WHERE id = $1`, [id])) as PromoRow[];
    return row ?? null;
  }

  async listPromos(
    m: EntityManager,
    eventId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: PromoRow[]; total: number }> {
    const rows = (await m.query(
      `SELECT ${PROMO_COLUMNS}, count(*) OVER ()::int AS total FROM promo_codes WHERE event_id = $1
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [eventId, limit, offset],
    )) as (PromoRow & { total: number })[];
    return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /** Null when the event already has this code. */
  async insertPromo(
    m: EntityManager,
    p: Omit<PromoRow, 'id' | 'used' | 'active' | 'createdAt'>,
  ): Promise<string | null> {
    const rows = (await m.query(
      `INSERT INTO promo_codes (event_id, code, kind, value, ticket_type_ids, unlocks_ticket_type_ids, max_uses,
                                max_uses_per_customer, valid_from, valid_until, stackable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (event_id, code) DO NOTHING RETURNING id`,
      [
        p.eventId,
        p.code,
        p.kind,
        p.value,
        p.ticketTypeIds,
        p.unlocksTicketTypeIds,
        p.maxUses,
        p.maxUsesPerCustomer,
        p.validFrom,
        p.validUntil,
        p.stackable,
      ],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** False when the new limit would be below the uses so far. */
  async updatePromo(
    m: EntityManager,
    id: string,
    change: { active: boolean; maxUses: number | null; validUntil: Date | null },
  ): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE promo_codes SET active = $2, max_uses = $3, valid_until = $4, updated_at = now()
        WHERE id = $1 AND ($3::int IS NULL OR used <= $3::int) RETURNING id`,
      [id, change.active, change.maxUses, change.validUntil],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** One use, decided by one conditional statement: false when the code is used up (or was switched off). */
  async takeUse(m: EntityManager, promoId: string): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE promo_codes SET used = used + 1
        WHERE id = $1 AND active AND (max_uses IS NULL OR used < max_uses) RETURNING id`,
      [promoId],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** A customer's uses of a code, counted under a lock held to the end of the transaction. */
  async customerUses(m: EntityManager, promoId: string, customerId: string, lock = true): Promise<number> {
    if (lock) await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`promo:${promoId}:${customerId}`]);
    const [{ n }] = (await m.query(
      'SELECT count(*)::int AS n FROM promo_redemptions WHERE promo_code_id = $1 AND customer_id = $2',
      [promoId, customerId],
    )) as { n: number }[];
    return n;
  }

  async recordRedemption(m: EntityManager, promoId: string, purchaseId: string, customerId: string | null) {
    await m.query('INSERT INTO promo_redemptions (promo_code_id, purchase_id, customer_id) VALUES ($1, $2, $3)', [
      promoId,
      purchaseId,
      customerId,
    ]);
  }

  /** A purchase that failed gives its uses back. */
  async releaseRedemptions(m: EntityManager, purchaseId: string): Promise<number> {
    const [, n] = (await m.query(
      `WITH gone AS (DELETE FROM promo_redemptions WHERE purchase_id = $1 RETURNING promo_code_id)
       UPDATE promo_codes p SET used = p.used - 1 FROM gone WHERE p.id = gone.promo_code_id RETURNING p.id`,
      [purchaseId],
    )) as [unknown[], number];
    return n;
  }
}
