import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CandidateSeat {
  id: string;
  sectionId: string;
  sectionOrder: number;
  row: string;
  sortOrder: number;
  x: number;
  y: number;
  /** For answers that name the seat without another read. */
  label?: string;
  sectionName?: string;
}

/** SQL of holds and per-event seat state. */
@Injectable()
export class InventoryRepository {
  /** Takes seats for a hold; returns the ids it got (a seat already held or sold is skipped by the primary key). */
  /**
   * Takes the seats still free; returns those taken. `noWait` (best available) first claims each
   * seat with a transaction advisory lock it does not wait for, so a seat another buyer is taking
   * right now counts as taken at once instead of waiting for that buyer's commit: a buyer who
   * collides picks again straight away. Without it (chosen seats), the primary key waits and decides.
   */
  async takeSeats(
    m: EntityManager,
    eventId: string,
    holdId: string,
    seats: { seatId: string; ticketTypeId: string }[],
    noWait = false,
  ): Promise<string[]> {
    const rows = (await m.query(
      `INSERT INTO event_seats (event_id, seat_id, ticket_type_id, status, hold_id)
       SELECT $1::uuid, s.seat, s.tt, 'held', $2 FROM unnest($3::uuid[], $4::uuid[]) AS s(seat, tt)
        WHERE NOT $5::boolean OR pg_try_advisory_xact_lock(7302, hashtext($1::uuid::text || s.seat::text))
       ON CONFLICT (event_id, seat_id) DO NOTHING
       RETURNING seat_id AS "seatId"`,
      [eventId, holdId, seats.map((s) => s.seatId), seats.map((s) => s.ticketTypeId), noWait],
    )) as { seatId: string }[];
    return rows.map((r) => r.seatId);
  }

  /** Gives back seats this hold took in a collided best-available attempt. */
  async dropHeldSeats(m: EntityManager, eventId: string, holdId: string, seatIds: string[]): Promise<void> {
    if (seatIds.length === 0) return;
    await m.query('DELETE FROM event_seats WHERE event_id = $1 AND hold_id = $2 AND seat_id = ANY($3::uuid[])', [
      eventId,
      holdId,
      seatIds,
    ]);
  }

  /** Sellable seats of a scope that no hold or ticket has for this event. */
  async freeSeats(
    m: EntityManager,
    eventId: string,
    /** Null: the event's venue. */
    venueId: string | null,
    scope: { sectionIds: string[]; zoneId: string | null; onlySection?: string | null; onlyZone?: string | null },
    limit?: number,
    /** Seats to leave out (reached for lately by buyers still paying). */
    exclude: string[] = [],
  ): Promise<CandidateSeat[]> {
    // A function, so that its anti-join is planned as a hash join (migration FreeSeatsRead).
    return (await m.query('SELECT * FROM inventory_free_seats($1, $2, $3::uuid[], $4, $5, $6, $7, $8::uuid[])', [
      eventId,
      venueId,
      scope.sectionIds,
      scope.zoneId,
      scope.onlySection ?? null,
      scope.onlyZone ?? null,
      limit ?? null,
      exclude,
    ])) as CandidateSeat[];
  }

  async seatsInScope(
    m: EntityManager,
    venueId: string,
    seatIds: string[],
    scope: { sectionIds: string[]; zoneId: string | null },
  ): Promise<{ id: string; x: number; y: number; heldBack: string | null; label: string }[]> {
    return m.query(
      `SELECT s.id, s.x, s.y, s.held_back AS "heldBack", sec.name || ' ' || s.row || '-' || s.label AS label
         FROM seats s JOIN sections sec ON sec.id = s.section_id
        WHERE s.venue_id = $1 AND s.id = ANY($2::uuid[])
          AND (cardinality($3::uuid[]) = 0 OR s.section_id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR s.price_zone_id = $4::uuid)`,
      [venueId, seatIds, scope.sectionIds, scope.zoneId],
    );
  }

  async seatLabels(m: EntityManager, seatIds: string[]): Promise<Map<string, string>> {
    if (seatIds.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT s.id, sec.name || ' ' || s.row || '-' || s.label AS label FROM seats s JOIN sections sec ON sec.id = s.section_id WHERE s.id = ANY($1::uuid[])`,
      [seatIds],
    )) as { id: string; label: string }[];
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  /** Frees the seats a hold still has. */
  async releaseSeats(m: EntityManager, holdId: string): Promise<number> {
    const [, n] = (await m.query("DELETE FROM event_seats WHERE hold_id = $1 AND status = 'held'", [holdId])) as [
      unknown,
      number,
    ];
    return n;
  }

  async sellSeats(m: EntityManager, holdId: string, purchaseId: string): Promise<number> {
    const [, n] = (await m.query(
      "UPDATE event_seats SET status = 'sold', purchase_id = $2, hold_id = NULL, updated_at = now() WHERE hold_id = $1 AND status = 'held'",
      [holdId, purchaseId],
    )) as [unknown, number];
    return n;
  }

  /** A late payment takes its seats back as sold if nobody else has them. */
  async sellSeatsDirect(
    m: EntityManager,
    eventId: string,
    purchaseId: string,
    seats: { seatId: string; ticketTypeId: string }[],
  ): Promise<number> {
    const rows = (await m.query(
      `INSERT INTO event_seats (event_id, seat_id, ticket_type_id, status, purchase_id)
       SELECT $1, s.seat, s.tt, 'sold', $2 FROM unnest($3::uuid[], $4::uuid[]) AS s(seat, tt)
       ON CONFLICT (event_id, seat_id) DO NOTHING RETURNING seat_id`,
      [eventId, purchaseId, seats.map((s) => s.seatId), seats.map((s) => s.ticketTypeId)],
    )) as unknown[];
    return rows.length;
  }

  async unsellSeats(m: EntityManager, eventId: string, seatIds: string[]): Promise<void> {
    if (seatIds.length)
      await m.query("DELETE FROM event_seats WHERE event_id = $1 AND seat_id = ANY($2::uuid[]) AND status = 'sold'", [
        eventId,
        seatIds,
      ]);
  }

  /** Seats of an event taken (held or sold), for the live seat map. */
  async takenSeats(m: EntityManager, eventId: string): Promise<{ seatId: string; status: 'held' | 'sold' }[]> {
    return m.query('SELECT seat_id AS "seatId", status FROM event_seats WHERE event_id = $1', [eventId]);
  }
}
