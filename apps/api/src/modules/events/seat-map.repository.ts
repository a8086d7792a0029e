import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { HoldBackKind, SeatAttribute } from './seat.entity.js';
import type { SectionKind } from './section.entity.js';

export interface SeatRow {
  id: string;
  sectionId: string;
  row: string;
  label: string;
  x: number;
  y: number;
  attributes: SeatAttribute[];
  priceZoneId: string | null;
  heldBack: HoldBackKind | null;
}

export interface SectionRow {
  id: string;
  name: string;
  kind: SectionKind;
  capacity: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  sortOrder: number;
}

export interface ZoneRow {
  id: string;
  name: string;
  color: string;
  sortOrder: number;
}

export interface NewSeat {
  row: string;
  label: string;
  x: number;
  y: number;
  attributes: string[];
  priceZoneId: string | null;
  heldBack: string | null;
  sortOrder: number;
}

/** SQL for seat maps: reads in three queries, bulk writes in one statement each. */
@Injectable()
export class SeatMapRepository {
  constructor(private readonly ds: DataSource) {}

  sections(venueId: string, m: EntityManager = this.ds.manager): Promise<SectionRow[]> {
    return m.query(
      `SELECT id, name, kind, capacity, x, y, width, height, color, sort_order AS "sortOrder"
         FROM sections WHERE venue_id = $1 ORDER BY sort_order, name`,
      [venueId],
    );
  }

  section(venueId: string, sectionId: string, m: EntityManager = this.ds.manager): Promise<SectionRow | undefined> {
    return m
      .query(
        `SELECT id, name, kind, capacity, x, y, width, height, color, sort_order AS "sortOrder"
           FROM sections WHERE venue_id = $1 AND id = $2`,
        [venueId, sectionId],
      )
      .then((rows: SectionRow[]) => rows[0]);
  }

  seats(venueId: string, m: EntityManager = this.ds.manager): Promise<SeatRow[]> {
    return m.query(
      `SELECT id, section_id AS "sectionId", row, label, x, y, attributes, price_zone_id AS "priceZoneId", held_back AS "heldBack"
         FROM seats WHERE venue_id = $1 ORDER BY section_id, sort_order, row, label`,
      [venueId],
    );
  }

  zones(venueId: string, m: EntityManager = this.ds.manager): Promise<ZoneRow[]> {
    return m.query(
      `SELECT id, name, color, sort_order AS "sortOrder" FROM price_zones WHERE venue_id = $1 ORDER BY sort_order, name`,
      [venueId],
    );
  }

  async zoneInVenue(venueId: string, zoneId: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows = (await m.query('SELECT 1 FROM price_zones WHERE id = $1 AND venue_id = $2', [
      zoneId,
      venueId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async sectionsInVenue(
    venueId: string,
    sectionIds: string[],
    m: EntityManager = this.ds.manager,
  ): Promise<SectionRow[]> {
    if (sectionIds.length === 0) return [];
    return m.query(
      `SELECT id, name, kind, capacity, x, y, width, height, color, sort_order AS "sortOrder"
         FROM sections WHERE venue_id = $1 AND id = ANY($2::uuid[])`,
      [venueId, sectionIds],
    );
  }

  async countSeatsInVenue(venueId: string, seatIds: string[], m: EntityManager): Promise<number> {
    const [{ n }] = (await m.query(
      'SELECT count(*)::int AS n FROM seats WHERE venue_id = $1 AND id = ANY($2::uuid[])',
      [venueId, seatIds],
    )) as {
      n: number;
    }[];
    return n;
  }

  async insertSeats(m: EntityManager, venueId: string, sectionId: string, seats: NewSeat[]): Promise<number> {
    if (seats.length === 0) return 0;
    const rows = (await m.query(
      `INSERT INTO seats (section_id, venue_id, row, label, x, y, attributes, price_zone_id, held_back, sort_order)
       SELECT $1, $2, t.r, t.l, t.x, t.y,
              CASE WHEN t.a = '' THEN '{}'::text[] ELSE string_to_array(t.a, '|') END,
              t.z, t.h, t.o
         FROM unnest($3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::uuid[], $9::text[], $10::int[])
              AS t(r, l, x, y, a, z, h, o)
       RETURNING id`,
      [
        sectionId,
        venueId,
        seats.map((s) => s.row),
        seats.map((s) => s.label),
        seats.map((s) => s.x),
        seats.map((s) => s.y),
        seats.map((s) => s.attributes.join('|')),
        seats.map((s) => s.priceZoneId),
        seats.map((s) => s.heldBack),
        seats.map((s) => s.sortOrder),
      ],
    )) as unknown[];
    return rows.length;
  }

  /** Seats a reserved ticket type may sell: in its sections and/or zone, not held back. */
  async countSellable(
    venueId: string,
    sectionIds: string[],
    zoneId: string | null,
    m: EntityManager = this.ds.manager,
  ): Promise<number> {
    const [{ n }] = (await m.query(
      `SELECT count(*)::int AS n FROM seats
        WHERE venue_id = $1 AND held_back IS NULL
          AND (cardinality($2::uuid[]) = 0 OR section_id = ANY($2::uuid[]))
          AND ($3::uuid IS NULL OR price_zone_id = $3::uuid)`,
      [venueId, sectionIds, zoneId],
    )) as { n: number }[];
    return n;
  }
}
