import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type {
  AccessSetupDto,
  CheckInListDto,
  CreateCheckInListDto,
  CreateGateDto,
  CreateZoneDto,
  GateDto,
  UpdateCheckInListDto,
  UpdateGateDto,
  UpdateZoneDto,
  ZoneDto,
} from './dto/access-setup.dto.js';

const LIST = 'id, event_id AS "eventId", name, allow_reentry AS "allowReentry", is_default AS "isDefault"';
const ZONE = 'id, event_id AS "eventId", name, access_levels AS "accessLevels"';
const GATE = 'id, event_id AS "eventId", name, zone_id AS "zoneId", check_in_list_id AS "checkInListId"';

type Part = 'check_in_list' | 'zone' | 'gate';
const TABLE: Record<Part, [table: string, columns: string]> = {
  check_in_list: ['check_in_lists', LIST],
  zone: ['zones', ZONE],
  gate: ['gates', GATE],
};
const NOT_FOUND: Record<Part, [string, string]> = {
  check_in_list: ['CHECK_IN_LIST_NOT_FOUND', 'No check-in list has this id.'],
  zone: ['ZONE_NOT_FOUND', 'No zone has this id.'],
  gate: ['GATE_NOT_FOUND', 'No gate has this id.'],
};

/**
 * An event's entry set-up: check-in lists, zones with their access levels, and gates into them.
 * Changes apply to the next scan (the scan reads the set-up live) and are audited. Nothing that
 * history depends on is deleted: a list with check-ins stays, and scans logged at a deleted gate
 * keep its id.
 */
@Injectable()
export class AccessSetupService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async get(eventId: string): Promise<AccessSetupDto> {
    await this.event(this.ds.manager, eventId);
    const [checkInLists, zones, gates] = await Promise.all([
      this.ds.query(`SELECT ${LIST} FROM check_in_lists WHERE event_id = $1 ORDER BY created_at`, [eventId]),
      this.ds.query(`SELECT ${ZONE} FROM zones WHERE event_id = $1 ORDER BY name`, [eventId]),
      this.ds.query(`SELECT ${GATE} FROM gates WHERE event_id = $1 ORDER BY name`, [eventId]),
    ]);
    return { checkInLists, zones, gates } as AccessSetupDto;
  }

  addList(actor: UserActor, eventId: string, dto: CreateCheckInListDto): Promise<CheckInListDto> {
    return this.tx.run(async (m) => {
      await this.event(m, eventId);
      const [row] = (await m.query(
        `INSERT INTO check_in_lists (event_id, name, allow_reentry) VALUES ($1, $2, $3) RETURNING ${LIST}`,
        [eventId, dto.name, dto.allowReentry ?? false],
      )) as CheckInListDto[];
      return this.changed(m, actor, 'check_in_list', 'created', row, null);
    });
  }

  updateList(actor: UserActor, id: string, dto: UpdateCheckInListDto): Promise<CheckInListDto> {
    return this.tx.run(async (m) => {
      const before = await this.find<CheckInListDto>(m, 'check_in_list', id);
      const [[row]] = (await m.query(
        `UPDATE check_in_lists SET name = coalesce($2, name), allow_reentry = coalesce($3, allow_reentry)
          WHERE id = $1 RETURNING ${LIST}`,
        [id, dto.name ?? null, dto.allowReentry ?? null],
      )) as [CheckInListDto[], number];
      return this.changed(m, actor, 'check_in_list', 'updated', row, before);
    });
  }

  /** The default list, a list gates check in on, or one with check-ins (its admissions are history) stays. */
  removeList(actor: UserActor, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const list = await this.find<CheckInListDto>(m, 'check_in_list', id);
      if (list.isDefault)
        throw new DomainError('conflict', 'CHECK_IN_LIST_DEFAULT', 'The default check-in list cannot be deleted.');
      await this.noGates(
        m,
        'check_in_list_id',
        id,
        'CHECK_IN_LIST_IN_USE',
        (names) => `Gates check in on this list (${names}): move them to another list first.`,
      );
      const [used] = (await m.query('SELECT 1 FROM check_ins WHERE check_in_list_id = $1 LIMIT 1', [id])) as unknown[];
      if (used)
        throw new DomainError(
          'conflict',
          'CHECK_IN_LIST_HAS_CHECK_INS',
          'Tickets were checked in on this list; it stays as the record of those admissions.',
        );
      await m.query('DELETE FROM check_in_lists WHERE id = $1', [id]);
      await this.changed(m, actor, 'check_in_list', 'deleted', null, list);
    });
  }

  addZone(actor: UserActor, eventId: string, dto: CreateZoneDto): Promise<ZoneDto> {
    return this.tx.run(async (m) => {
      await this.event(m, eventId);
      const [row] = (await m.query(
        `INSERT INTO zones (event_id, name, access_levels) VALUES ($1, $2, $3) RETURNING ${ZONE}`,
        [eventId, dto.name, [...new Set(dto.accessLevels)]],
      )) as ZoneDto[];
      return this.changed(m, actor, 'zone', 'created', row, null);
    });
  }

  updateZone(actor: UserActor, id: string, dto: UpdateZoneDto): Promise<ZoneDto> {
    return this.tx.run(async (m) => {
      const before = await this.find<ZoneDto>(m, 'zone', id);
      const [[row]] = (await m.query(
        `UPDATE zones SET name = coalesce($2, name), access_levels = coalesce($3, access_levels)
          WHERE id = $1 RETURNING ${ZONE}`,
        [id, dto.name ?? null, dto.accessLevels ? [...new Set(dto.accessLevels)] : null],
      )) as [ZoneDto[], number];
      return this.changed(m, actor, 'zone', 'updated', row, before);
    });
  }

  /** A zone gates lead into stays until they lead elsewhere. */
  removeZone(actor: UserActor, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const zone = await this.find<ZoneDto>(m, 'zone', id);
      await this.noGates(
        m,
        'zone_id',
        id,
        'ZONE_IN_USE',
        (names) => `Gates lead into this zone (${names}): point them elsewhere first.`,
      );
      await m.query('DELETE FROM zones WHERE id = $1', [id]);
      await this.changed(m, actor, 'zone', 'deleted', null, zone);
    });
  }

  addGate(actor: UserActor, eventId: string, dto: CreateGateDto): Promise<GateDto> {
    return this.tx.run(async (m) => {
      await this.event(m, eventId);
      if (dto.zoneId) await this.ofEvent(m, 'zone', dto.zoneId, eventId);
      let listId = dto.checkInListId;
      if (listId) await this.ofEvent(m, 'check_in_list', listId, eventId);
      else {
        const [row] = (await m.query(
          `INSERT INTO check_in_lists (event_id, name, is_default) VALUES ($1, 'Main entrance', true)
           ON CONFLICT (event_id) WHERE is_default DO UPDATE SET is_default = true RETURNING id`,
          [eventId],
        )) as { id: string }[];
        listId = row.id;
      }
      const [gate] = (await m.query(
        `INSERT INTO gates (event_id, name, zone_id, check_in_list_id) VALUES ($1, $2, $3, $4) RETURNING ${GATE}`,
        [eventId, dto.name, dto.zoneId ?? null, listId],
      )) as GateDto[];
      return this.changed(m, actor, 'gate', 'created', gate, null);
    });
  }

  updateGate(actor: UserActor, id: string, dto: UpdateGateDto): Promise<GateDto> {
    return this.tx.run(async (m) => {
      const before = await this.find<GateDto>(m, 'gate', id);
      if (dto.zoneId) await this.ofEvent(m, 'zone', dto.zoneId, before.eventId);
      if (dto.checkInListId) await this.ofEvent(m, 'check_in_list', dto.checkInListId, before.eventId);
      const [[row]] = (await m.query(
        `UPDATE gates SET name = coalesce($2, name), check_in_list_id = coalesce($3, check_in_list_id),
                zone_id = CASE WHEN $4 THEN $5::uuid ELSE zone_id END
          WHERE id = $1 RETURNING ${GATE}`,
        [id, dto.name ?? null, dto.checkInListId ?? null, dto.zoneId !== undefined, dto.zoneId ?? null],
      )) as [GateDto[], number];
      return this.changed(m, actor, 'gate', 'updated', row, before);
    });
  }

  /**
   * A gate scanner devices are bound to stays until they are revoked or moved. Scans logged at it
   * keep its id; scans made offline at it and uploaded later count at the main entrance.
   */
  removeGate(actor: UserActor, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const gate = await this.find<GateDto>(m, 'gate', id);
      const devices = (await m.query(
        'SELECT name FROM scanner_devices WHERE gate_id = $1 AND revoked_at IS NULL ORDER BY name',
        [id],
      )) as { name: string }[];
      if (devices.length > 0)
        throw new DomainError(
          'conflict',
          'GATE_IN_USE',
          `Scanner devices are bound to this gate (${devices.map((d) => d.name).join(', ')}): revoke them first.`,
          { devices: devices.map((d) => d.name) },
        );
      await m.query('DELETE FROM gates WHERE id = $1', [id]);
      await this.changed(m, actor, 'gate', 'deleted', null, gate);
    });
  }

  /** Refuses (409 `code`, naming them) when gates check in on the list or lead into the zone. */
  private async noGates(
    m: EntityManager,
    column: 'check_in_list_id' | 'zone_id',
    id: string,
    code: string,
    detail: (names: string) => string,
  ): Promise<void> {
    const gates = (await m.query(`SELECT name FROM gates WHERE ${column} = $1 ORDER BY name`, [id])) as {
      name: string;
    }[];
    if (gates.length === 0) return;
    const names = gates.map((g) => g.name);
    throw new DomainError('conflict', code, detail(names.join(', ')), { gates: names });
  }

  /** Audits a change and answers the part as it is now. */
  private async changed<T extends { id: string }>(
    m: EntityManager,
    actor: UserActor,
    part: Part,
    what: 'created' | 'updated' | 'deleted',
    after: T | null,
    before: T | null,
  ): Promise<T> {
    await this.audit.record(m, {
      actor,
      action: `${part}.${what}`,
      entityType: part,
      entityId: (after ?? before)?.id,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
    return after as T;
  }

  private async find<T>(m: EntityManager, part: Part, id: string): Promise<T> {
    const [table, columns] = TABLE[part];
    const [row] = (await m.query(`SELECT ${columns} FROM ${table} WHERE id = $1 FOR UPDATE`, [id])) as T[];
    if (!row) throw new DomainError('not_found', ...NOT_FOUND[part]);
    return row;
  }

  /** A zone or list named for a gate must be the gate's event's. */
  private async ofEvent(m: EntityManager, part: 'zone' | 'check_in_list', id: string, eventId: string): Promise<void> {
    const [row] = (await m.query(`SELECT 1 FROM ${TABLE[part][0]} WHERE id = $1 AND event_id = $2`, [
      id,
      eventId,
    ])) as unknown[];
    if (row) return;
    throw part === 'zone'
      ? new DomainError('unprocessable', 'ZONE_NOT_FOUND', 'This event has no zone with this id.')
      : new DomainError('unprocessable', 'CHECK_IN_LIST_NOT_FOUND', 'This event has no such check-in list.');
  }

  private async event(m: EntityManager, eventId: string): Promise<void> {
    const [row] = (await m.query('SELECT 1 FROM games WHERE id = $1', [eventId])) as unknown[];
    if (!row) throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
  }
}
