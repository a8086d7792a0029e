import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type {
  CreatePriceZoneDto,
  CreateSectionDto,
  GenerateSeatsDto,
  ImportResultDto,
  ImportSeatMapDto,
  PriceZoneDto,
  SeatDto,
  SeatMapDto,
  SectionDto,
  SeatsChangedDto,
  UpdatePriceZoneDto,
  UpdateSeatDto,
  UpdateSeatsDto,
  UpdateSectionDto,
} from './dto/seat-map.dto.js';
import { type PlannedMap, parseCsvMap, parseJsonMap, rowLabel, toCsv } from './seat-map.parser.js';
import { checkCapacity, layoutSeats, numeric, PALETTE, renameConflict, round, SEAT_PITCH } from './seat-map.helpers.js';
import { type NewSeat, SeatMapRepository, type SectionRow } from './seat-map.repository.js';
import { VenuesService } from './venues.service.js';

export const MAP_WIDTH = 1000;

/** A rule another module adds (e.g. "no ticket type sells this section") before a destructive change. */
export type SeatMapGuard = (change: {
  kind: 'delete-section' | 'delete-zone' | 'replace-map';
  venueId: string;
  id?: string;
}) => Promise<void>;

const sectionNotFound = () =>
  new DomainError('not_found', 'SECTION_NOT_FOUND', 'No section of this venue has this id.');
const zoneNotInVenue = () =>
  new DomainError('unprocessable', 'PRICE_ZONE_NOT_IN_VENUE', 'The price zone belongs to another venue.');

/** The Seat Manager's map side: sections, rows and seats, price zones, held-back seats. */
@Injectable()
export class SeatMapService {
  private readonly guards: SeatMapGuard[] = [];

  constructor(
    private readonly repo: SeatMapRepository,
    private readonly venues: VenuesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  addGuard(guard: SeatMapGuard): void {
    this.guards.push(guard);
  }

  async get(venueId: string): Promise<SeatMapDto> {
    await this.venues.load(venueId);
    const [sections, seats, zones] = await Promise.all([
      this.repo.sections(venueId),
      this.repo.seats(venueId),
      this.repo.zones(venueId),
    ]);
    const bySection = new Map<string, SeatDto[]>();
    for (const s of seats) {
      const list = bySection.get(s.sectionId) ?? [];
      list.push({ ...s, x: Number(s.x), y: Number(s.y) });
      bySection.set(s.sectionId, list);
    }
    const sectionDtos: SectionDto[] = sections.map((s) => ({ ...numeric(s), seats: bySection.get(s.id) ?? [] }));
    const heldBack = seats.filter((s) => s.heldBack).length;
    return {
      venueId,
      width: MAP_WIDTH,
      height: Math.max(400, ...sections.map((s) => Number(s.y) + Number(s.height) + 20)),
      sections: sectionDtos,
      priceZones: zones,
      totals: {
        seats: seats.length,
        sellableSeats: seats.length - heldBack,
        heldBack,
        generalAdmission: sections
          .filter((s) => s.kind === 'general_admission')
          .reduce((n, s) => n + (s.capacity ?? 0), 0),
      },
    };
  }

  // ---- price zones ----

  async createZone(actor: UserActor, venueId: string, dto: CreatePriceZoneDto): Promise<PriceZoneDto> {
    await this.venues.load(venueId);
    return this.write(actor, 'price_zone.created', venueId, async (m) => {
      const [zone] = (await m.query(
        `INSERT INTO price_zones (venue_id, name, color, sort_order) VALUES ($1, $2, $3, $4)
         RETURNING id, name, color, sort_order AS "sortOrder"`,
        [venueId, dto.name.trim(), dto.color ?? '#4f46e5', dto.sortOrder ?? 0],
      )) as PriceZoneDto[];
      return { result: zone, after: { zone } };
    }).catch(renameConflict('PRICE_ZONE_NAME_TAKEN', 'Another price zone of this venue has this name.'));
  }

  async updateZone(actor: UserActor, venueId: string, zoneId: string, dto: UpdatePriceZoneDto): Promise<PriceZoneDto> {
    return this.write(actor, 'price_zone.updated', venueId, async (m) => {
      const rows = (await m.query(
        `UPDATE price_zones SET name = COALESCE($3, name), color = COALESCE($4, color), sort_order = COALESCE($5, sort_order)
          WHERE id = $1 AND venue_id = $2 RETURNING id, name, color, sort_order AS "sortOrder"`,
        [zoneId, venueId, dto.name?.trim() ?? null, dto.color ?? null, dto.sortOrder ?? null],
      )) as [PriceZoneDto[], number];
      const zone = rows[0][0];
      if (!zone) throw new DomainError('not_found', 'PRICE_ZONE_NOT_FOUND', 'No price zone of this venue has this id.');
      return { result: zone, after: { zone } };
    }).catch(renameConflict('PRICE_ZONE_NAME_TAKEN', 'Another price zone of this venue has this name.'));
  }

  async deleteZone(actor: UserActor, venueId: string, zoneId: string): Promise<void> {
    for (const guard of this.guards) await guard({ kind: 'delete-zone', venueId, id: zoneId });
    await this.write(actor, 'price_zone.deleted', venueId, async (m) => {
      const rows = (await m.query('DELETE FROM price_zones WHERE id = $1 AND venue_id = $2 RETURNING name', [
        zoneId,
        venueId,
      ])) as [{ name: string }[], number];
      if (!rows[0][0])
        throw new DomainError('not_found', 'PRICE_ZONE_NOT_FOUND', 'No price zone of this venue has this id.');
      return { result: undefined, before: { zoneId, name: rows[0][0].name } };
    });
  }

  // ---- sections ----

  async createSection(actor: UserActor, venueId: string, dto: CreateSectionDto): Promise<SectionDto> {
    await this.venues.load(venueId);
    checkCapacity(dto.kind, dto.capacity);
    return this.write(actor, 'section.created', venueId, async (m) => {
      const existing = await this.repo.sections(venueId, m);
      const y = dto.y ?? Math.max(20, ...existing.map((s) => Number(s.y) + Number(s.height) + 20));
      const [row] = (await m.query(
        `INSERT INTO sections (venue_id, name, kind, capacity, x, y, width, height, color, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id, name, kind, capacity, x, y, width, height, color, sort_order AS "sortOrder"`,
        [
          venueId,
          dto.name.trim(),
          dto.kind,
          dto.capacity ?? null,
          dto.x ?? 20,
          y,
          dto.width ?? 300,
          dto.height ?? 160,
          dto.color ?? (dto.kind === 'reserved' ? '#475569' : '#0f766e'),
          dto.sortOrder ?? existing.length,
        ],
      )) as SectionRow[];
      return { result: { ...numeric(row), seats: [] }, after: { section: numeric(row) } };
    }).catch(renameConflict('SECTION_NAME_TAKEN', 'Another section of this venue has this name.'));
  }

  async updateSection(
    actor: UserActor,
    venueId: string,
    sectionId: string,
    dto: UpdateSectionDto,
  ): Promise<SectionDto> {
    return this.write(actor, 'section.updated', venueId, async (m) => {
      const before = await this.repo.section(venueId, sectionId, m);
      if (!before) throw sectionNotFound();
      const kind = dto.kind ?? before.kind;
      const capacity = dto.capacity !== undefined ? dto.capacity : kind === 'reserved' ? null : before.capacity;
      checkCapacity(kind, capacity ?? undefined);
      if (kind !== before.kind) {
        const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM seats WHERE section_id = $1', [sectionId])) as {
          n: number;
        }[];
        if (n > 0)
          throw new DomainError(
            'unprocessable',
            'SECTION_HAS_SEATS',
            'Remove the seats before making this section general admission.',
          );
      }
      const [rows] = (await m.query(
        `UPDATE sections SET name = $3, kind = $4, capacity = $5, x = $6, y = $7, width = $8, height = $9, color = $10, sort_order = $11
          WHERE id = $1 AND venue_id = $2
          RETURNING id, name, kind, capacity, x, y, width, height, color, sort_order AS "sortOrder"`,
        [
          sectionId,
          venueId,
          dto.name?.trim() ?? before.name,
          kind,
          capacity,
          dto.x ?? before.x,
          dto.y ?? before.y,
          dto.width ?? before.width,
          dto.height ?? before.height,
          dto.color ?? before.color,
          dto.sortOrder ?? before.sortOrder,
        ],
      )) as [SectionRow[], number];
      const seats = (await this.repo.seats(venueId, m)).filter((s) => s.sectionId === sectionId);
      return {
        result: { ...numeric(rows[0]), seats: seats.map((s) => ({ ...s, x: Number(s.x), y: Number(s.y) })) },
        before: { section: numeric(before) },
        after: { section: numeric(rows[0]) },
      };
    }).catch(renameConflict('SECTION_NAME_TAKEN', 'Another section of this venue has this name.'));
  }

  async deleteSection(actor: UserActor, venueId: string, sectionId: string): Promise<void> {
    for (const guard of this.guards) await guard({ kind: 'delete-section', venueId, id: sectionId });
    await this.write(actor, 'section.deleted', venueId, async (m) => {
      const [rows] = (await m.query('DELETE FROM sections WHERE id = $1 AND venue_id = $2 RETURNING name', [
        sectionId,
        venueId,
      ])) as [{ name: string }[], number];
      if (!rows[0]) throw sectionNotFound();
      return { result: undefined, before: { sectionId, name: rows[0].name } };
    });
  }

  // ---- seats ----

  /** Lays out R rows of S seats inside the section's box, growing the box when the seats need room. */
  async generateSeats(
    actor: UserActor,
    venueId: string,
    sectionId: string,
    dto: GenerateSeatsDto,
  ): Promise<SectionDto> {
    return this.write(actor, 'seats.generated', venueId, async (m) => {
      const section = await this.repo.section(venueId, sectionId, m);
      if (!section) throw sectionNotFound();
      if (section.kind !== 'reserved')
        throw new DomainError('unprocessable', 'SECTION_NOT_RESERVED', 'Seats belong in reserved sections.');
      if (dto.priceZoneId && !(await this.repo.zoneInVenue(venueId, dto.priceZoneId, m))) throw zoneNotInVenue();
      const style = dto.rowLabels ?? (dto.firstRow && /^\d/.test(dto.firstRow) ? 'numbers' : 'letters');
      const first = dto.firstRow ?? (style === 'letters' ? 'A' : '1');
      const width = Math.max(Number(section.width), (dto.seatsPerRow + 1) * SEAT_PITCH);
      const height = Math.max(Number(section.height), (dto.rows + 1) * SEAT_PITCH);
      const dx = width / (dto.seatsPerRow + 1);
      const dy = height / (dto.rows + 1);
      const seats: NewSeat[] = [];
      for (let r = 0; r < dto.rows; r++) {
        for (let s = 0; s < dto.seatsPerRow; s++) {
          seats.push({
            row: rowLabel(first, r, style),
            label: String((dto.firstSeat ?? 1) + s),
            x: round(Number(section.x) + dx * (s + 1)),
            y: round(Number(section.y) + dy * (r + 1)),
            attributes: s === 0 || s === dto.seatsPerRow - 1 ? ['aisle'] : [],
            priceZoneId: dto.priceZoneId ?? null,
            heldBack: null,
            sortOrder: r * dto.seatsPerRow + s,
          });
        }
      }
      if (dto.replace) await m.query('DELETE FROM seats WHERE section_id = $1', [sectionId]);
      await m.query('UPDATE sections SET width = $2, height = $3 WHERE id = $1', [sectionId, width, height]);
      const created = await this.repo.insertSeats(m, venueId, sectionId, seats);
      const all = (await this.repo.seats(venueId, m)).filter((s) => s.sectionId === sectionId);
      return {
        result: {
          ...numeric({ ...section, width, height }),
          seats: all.map((s) => ({ ...s, x: Number(s.x), y: Number(s.y) })),
        },
        after: { sectionId, rows: dto.rows, seatsPerRow: dto.seatsPerRow, created, replaced: dto.replace ?? false },
      };
    }).catch(
      renameConflict(
        'DUPLICATE_SEAT_LABEL',
        'A seat with the same row and label is already in this section (use replace).',
      ),
    );
  }

  /** Marks many seats at once: attributes, price zone, held back (house seats, kills). */
  async updateSeats(actor: UserActor, venueId: string, dto: UpdateSeatsDto): Promise<SeatsChangedDto> {
    if (dto.attributes === undefined && dto.priceZoneId === undefined && dto.heldBack === undefined) {
      throw new DomainError('bad_request', 'NOTHING_TO_CHANGE', 'Give attributes, priceZoneId or heldBack.');
    }
    return this.write(actor, 'seats.updated', venueId, async (m) => {
      if (dto.priceZoneId && !(await this.repo.zoneInVenue(venueId, dto.priceZoneId, m))) throw zoneNotInVenue();
      if ((await this.repo.countSeatsInVenue(venueId, dto.seatIds, m)) !== dto.seatIds.length) {
        throw new DomainError('not_found', 'SEAT_NOT_FOUND', 'Some of the seats are not in this venue.');
      }
      const [, changed] = (await m.query(
        `UPDATE seats SET
            attributes = CASE WHEN $3 THEN $4::text[] ELSE attributes END,
            price_zone_id = CASE WHEN $5 THEN $6::uuid ELSE price_zone_id END,
            held_back = CASE WHEN $7 THEN $8::text ELSE held_back END
          WHERE venue_id = $1 AND id = ANY($2::uuid[])`,
        [
          venueId,
          dto.seatIds,
          dto.attributes !== undefined,
          dto.attributes ?? [],
          dto.priceZoneId !== undefined,
          dto.priceZoneId ?? null,
          dto.heldBack !== undefined,
          dto.heldBack ?? null,
        ],
      )) as [unknown[], number];
      return {
        result: { changed },
        after: {
          seats: dto.seatIds.slice(0, 200),
          count: changed,
          attributes: dto.attributes,
          priceZoneId: dto.priceZoneId,
          heldBack: dto.heldBack,
        },
      };
    });
  }

  async updateSeat(actor: UserActor, venueId: string, seatId: string, dto: UpdateSeatDto): Promise<SeatDto> {
    return this.write(actor, 'seat.updated', venueId, async (m) => {
      const [rows] = (await m.query(
        `UPDATE seats SET row = COALESCE($3, row), label = COALESCE($4, label), x = COALESCE($5, x), y = COALESCE($6, y)
          WHERE id = $1 AND venue_id = $2
          RETURNING id, section_id AS "sectionId", row, label, x, y, attributes, price_zone_id AS "priceZoneId", held_back AS "heldBack"`,
        [seatId, venueId, dto.row?.trim() ?? null, dto.label?.trim() ?? null, dto.x ?? null, dto.y ?? null],
      )) as [SeatDto[], number];
      const seat = rows[0];
      if (!seat) throw new DomainError('not_found', 'SEAT_NOT_FOUND', 'No seat of this venue has this id.');
      const result = { ...seat, x: Number(seat.x), y: Number(seat.y) };
      return { result, after: { seat: result } };
    }).catch(renameConflict('DUPLICATE_SEAT_LABEL', 'Another seat in this row already has this label.'));
  }

  async removeSeats(actor: UserActor, venueId: string, seatIds: string[]): Promise<SeatsChangedDto> {
    return this.write(actor, 'seats.removed', venueId, async (m) => {
      if ((await this.repo.countSeatsInVenue(venueId, seatIds, m)) !== seatIds.length) {
        throw new DomainError('not_found', 'SEAT_NOT_FOUND', 'Some of the seats are not in this venue.');
      }
      const [, changed] = (await m.query('DELETE FROM seats WHERE venue_id = $1 AND id = ANY($2::uuid[])', [
        venueId,
        seatIds,
      ])) as [unknown[], number];
      return { result: { changed }, before: { seats: seatIds.slice(0, 200), count: changed } };
    });
  }

  // ---- import / export ----

  async import(actor: UserActor, venueId: string, dto: ImportSeatMapDto): Promise<ImportResultDto> {
    await this.venues.load(venueId);
    const plan = dto.format === 'json' ? parseJsonMap(dto.content) : parseCsvMap(dto.content);
    if (dto.replace) for (const guard of this.guards) await guard({ kind: 'replace-map', venueId });
    return this.write(actor, 'seat_map.imported', venueId, async (m) => {
      if (dto.replace) {
        await m.query('DELETE FROM sections WHERE venue_id = $1', [venueId]);
        await m.query('DELETE FROM price_zones WHERE venue_id = $1', [venueId]);
      }
      const zoneIds = new Map<string, string>();
      for (const z of await this.repo.zones(venueId, m)) zoneIds.set(z.name, z.id);
      let zonesCreated = 0;
      for (const [i, z] of plan.priceZones.entries()) {
        if (zoneIds.has(z.name)) continue;
        const [row] = (await m.query(
          'INSERT INTO price_zones (venue_id, name, color, sort_order) VALUES ($1, $2, $3, $4) RETURNING id',
          [venueId, z.name, z.color ?? PALETTE[i % PALETTE.length], i],
        )) as { id: string }[];
        zoneIds.set(z.name, row.id);
        zonesCreated++;
      }
      let seats = 0;
      let top = Math.max(20, ...(await this.repo.sections(venueId, m)).map((s) => Number(s.y) + Number(s.height) + 20));
      for (const [i, s] of plan.sections.entries()) {
        const layout = layoutSeats(s.seats, s.x ?? 20, s.y ?? top);
        const [row] = (await m.query(
          `INSERT INTO sections (venue_id, name, kind, capacity, x, y, width, height, color, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            venueId,
            s.name,
            s.kind,
            s.capacity,
            s.x ?? layout.box.x,
            s.y ?? layout.box.y,
            s.width ?? layout.box.width,
            s.height ?? layout.box.height,
            s.color ?? (s.kind === 'reserved' ? '#475569' : '#0f766e'),
            i,
          ],
        )) as { id: string }[];
        top = Math.max(top, (s.y ?? layout.box.y) + (s.height ?? layout.box.height) + 20);
        seats += await this.repo.insertSeats(
          m,
          venueId,
          row.id,
          layout.seats.map((seat, j) => ({
            row: seat.row,
            label: seat.label,
            x: seat.x,
            y: seat.y,
            attributes: seat.attributes,
            priceZoneId: seat.zone ? (zoneIds.get(seat.zone) ?? null) : null,
            heldBack: seat.heldBack,
            sortOrder: j,
          })),
        );
      }
      const result = { sections: plan.sections.length, seats, priceZones: zonesCreated };
      return { result, after: { ...result, format: dto.format, replace: dto.replace ?? false } };
    }).catch(
      renameConflict(
        'SECTION_NAME_TAKEN',
        'A section with one of these names exists already (import with replace, or rename it).',
      ),
    );
  }

  async export(venueId: string, format: 'json' | 'csv'): Promise<{ contentType: string; body: string }> {
    const map = await this.get(venueId);
    const zoneName = new Map(map.priceZones.map((z) => [z.id, z.name]));
    const plan: PlannedMap = {
      priceZones: map.priceZones.map((z) => ({ name: z.name, color: z.color })),
      sections: map.sections.map((s) => ({
        name: s.name,
        kind: s.kind,
        capacity: s.capacity,
        x: s.x,
        y: s.y,
        width: s.width,
        height: s.height,
        color: s.color,
        seats: s.seats.map((seat) => ({
          row: seat.row,
          label: seat.label,
          x: seat.x,
          y: seat.y,
          attributes: seat.attributes,
          zone: seat.priceZoneId ? (zoneName.get(seat.priceZoneId) ?? null) : null,
          heldBack: seat.heldBack,
        })),
      })),
    };
    return format === 'csv'
      ? { contentType: 'text/csv; charset=utf-8', body: toCsv(plan) }
      : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(plan, null, 2) };
  }

  // ---- for other modules ----

  /** Checks that sections and a zone belong to the venue; returns how many seats the scope can sell. */
  async seatingScope(
    venueId: string,
    sectionIds: string[],
    zoneId: string | null,
  ): Promise<{ sellableSeats: number; generalAdmission: number }> {
    const sections = await this.repo.sectionsInVenue(venueId, sectionIds);
    if (sections.length !== sectionIds.length) {
      throw new DomainError('unprocessable', 'SECTION_NOT_IN_VENUE', "A section does not belong to the event's venue.");
    }
    if (zoneId && !(await this.repo.zoneInVenue(venueId, zoneId))) throw zoneNotInVenue();
    const reserved = sections.filter((s) => s.kind === 'reserved').map((s) => s.id);
    const ga = sections.filter((s) => s.kind === 'general_admission');
    const sellableSeats =
      reserved.length || (zoneId && ga.length === 0) ? await this.repo.countSellable(venueId, reserved, zoneId) : 0;
    return { sellableSeats, generalAdmission: ga.reduce((n, s) => n + (s.capacity ?? 0), 0) };
  }

  countSellable(venueId: string, sectionIds: string[], zoneId: string | null): Promise<number> {
    return this.repo.countSellable(venueId, sectionIds, zoneId);
  }

  private async write<T>(
    actor: UserActor,
    action: string,
    venueId: string,
    work: (
      m: EntityManager,
    ) => Promise<{ result: T; before?: Record<string, unknown>; after?: Record<string, unknown> }>,
  ): Promise<T> {
    return this.tx.run(async (m) => {
      const { result, before, after } = await work(m);
      await this.audit.record(m, { actor, action, entityType: 'venue', entityId: venueId, before, after });
      return result;
    });
  }
}
