import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface SaleTicketType {
  id: string;
  eventId: string;
  name: string;
  /** The price on sale now (the published dynamic price, or the base price). */
  price: number;
  basePrice: number;
  currency: string;
  capacity: number | null;
  sold: number;
  held: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  minPerOrder: number;
  maxPerOrder: number;
  channels: string[];
  priceZoneId: string | null;
  sectionIds: string[];
  accessLevel: string;
  /** Hidden types are sold only to buyers with their unlock code or a voucher. */
  unlockCodeHash: string | null;
}

/**
 * The quota counters of ticket types. Each decision is one conditional UPDATE in the caller's
 * transaction; the CHECK constraint (sold + held <= capacity) is the backstop.
 */
/** A ticket type's definition as last read, with the stamp (`updated_at`, exact) a sale checks it against. */
export type StampedTicketType = SaleTicketType & { stamp: string };

const DEFINITIONS_FOR_MS = 5_000;

@Injectable()
export class QuotaService {
  private readonly definitions = new Map<string, { type: StampedTicketType; until: number }>();
  private readonly reading = new Map<string, Promise<StampedTicketType[]>>();

  async forSale(m: EntityManager, ids: string[]): Promise<Map<string, SaleTicketType>> {
    const rows = (await m.query(
      `SELECT id, event_id AS "eventId", name, coalesce(current_price, price) AS price, price AS "basePrice", currency,
              capacity, sold, held, sales_start_at AS "salesStartAt", sales_end_at AS "salesEndAt",
              min_per_order AS "minPerOrder", max_per_order AS "maxPerOrder", channels, price_zone_id AS "priceZoneId",
              section_ids AS "sectionIds", access_level AS "accessLevel", unlock_code_hash AS "unlockCodeHash"
         FROM ticket_types WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as SaleTicketType[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Definitions for the flash-sale path, read at most every few seconds per type. Their counters
   * are stale by design: the sale's conditional UPDATE decides, and refuses a changed definition
   * by its stamp (any edit moves `updated_at`; counters do not).
   */
  async definitionsFor(m: EntityManager, ids: string[]): Promise<Map<string, StampedTicketType>> {
    const now = Date.now();
    const found = new Map<string, StampedTicketType>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.definitions.get(id);
      if (hit && hit.until > now) found.set(id, hit.type);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    // Outside a transaction, buyers arriving together for a type not yet remembered share one read.
    const shared = !m.queryRunner;
    const key = missing.join(',');
    let reading = shared ? this.reading.get(key) : undefined;
    if (!reading) {
      reading = this.readDefinitions(m, missing, now);
      if (shared) {
        this.reading.set(key, reading);
        void reading.finally(() => this.reading.delete(key)).catch(() => undefined);
      }
    }
    for (const r of await reading) found.set(r.id, r);
    return found;
  }

  private async readDefinitions(m: EntityManager, ids: string[], now: number): Promise<StampedTicketType[]> {
    const rows = (await m.query(
      `SELECT id, event_id AS "eventId", name, coalesce(current_price, price) AS price, price AS "basePrice", currency,
              capacity, sold, held, sales_start_at AS "salesStartAt", sales_end_at AS "salesEndAt",
              min_per_order AS "minPerOrder", max_per_order AS "maxPerOrder", channels, price_zone_id AS "priceZoneId",
              section_ids AS "sectionIds", access_level AS "accessLevel", unlock_code_hash AS "unlockCodeHash",
              updated_at::text AS stamp
         FROM ticket_types WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as StampedTicketType[];
    if (this.definitions.size > 5_000) this.definitions.clear();
    for (const r of rows) this.definitions.set(r.id, { type: r, until: now + DEFINITIONS_FOR_MS });
    return rows;
  }

  /** Drops remembered definitions (a sale found them changed). */
  forgetDefinitions(ids: string[]): void {
    for (const id of ids) this.definitions.delete(id);
  }

  /** Holds `n` of a type; false when that would pass its capacity. */
  async hold(m: EntityManager, ticketTypeId: string, n: number): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE ticket_types SET held = held + $2 WHERE id = $1 AND (capacity IS NULL OR sold + held + $2 <= capacity) RETURNING id`,
      [ticketTypeId, n],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async release(m: EntityManager, ticketTypeId: string, n: number): Promise<void> {
    await m.query('UPDATE ticket_types SET held = held - $2 WHERE id = $1', [ticketTypeId, n]);
  }

  /** Held becomes sold (payment arrived while the hold lived). */
  async sellHeld(m: EntityManager, ticketTypeId: string, n: number): Promise<void> {
    await m.query('UPDATE ticket_types SET held = held - $2, sold = sold + $2 WHERE id = $1', [ticketTypeId, n]);
  }

  /** Sells `n` straight away (a late payment re-reserving); false when it no longer fits. */
  async sell(m: EntityManager, ticketTypeId: string, n: number): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE ticket_types SET sold = sold + $2 WHERE id = $1 AND (capacity IS NULL OR sold + held + $2 <= capacity) RETURNING id`,
      [ticketTypeId, n],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Tickets of a type issued in each of the last `windows` minutes (the sales speed dynamic prices follow). */
  async recentSales(
    m: EntityManager,
    ticketTypeId: string,
    windows: number[],
    now: Date,
  ): Promise<{ windowMinutes: number; count: number }[]> {
    if (windows.length === 0) return [];
    const rows = (await m.query(
      `SELECT w.minutes AS "windowMinutes",
              (SELECT count(*)::int FROM issued_tickets i
                WHERE i.ticket_type_id = $1 AND i.created_at > $3::timestamptz - make_interval(mins => w.minutes)
                  AND i.created_at <= $3::timestamptz) AS count
         FROM unnest($2::int[]) AS w(minutes)`,
      [ticketTypeId, windows, now],
    )) as { windowMinutes: number; count: number }[];
    return rows;
  }

  /**
   * Publishes a ticket type's current price (null: back to its base price). Moves `updated_at`, so a
   * flash sale holding the old definition is refused by its stamp and re-quoted at the new price.
   * False when the price was already this.
   */
  async publishPrice(m: EntityManager, ticketTypeId: string, price: number | null): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE ticket_types SET current_price = $2, updated_at = now()
        WHERE id = $1 AND current_price IS DISTINCT FROM $2::int RETURNING id`,
      [ticketTypeId, price],
    )) as [unknown[], number];
    if (rows.length) this.definitions.delete(ticketTypeId);
    return rows.length === 1;
  }

  /** Whether a code is the unlock code of one of the event's hidden types (SHA-256 given). */
  async isUnlockCode(m: EntityManager, eventId: string, codeHash: string): Promise<boolean> {
    const rows = (await m.query('SELECT 1 FROM ticket_types WHERE event_id = $1 AND unlock_code_hash = $2 LIMIT 1', [
      eventId,
      codeHash,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Refunded tickets go back on sale. */
  async unsell(m: EntityManager, ticketTypeId: string, n: number): Promise<void> {
    await m.query('UPDATE ticket_types SET sold = sold - $2 WHERE id = $1', [ticketTypeId, n]);
  }
}
