import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import type {
  AccessSetupDto,
  CheckInListDto,
  CreateCheckInListDto,
  CreateGateDto,
  CreateZoneDto,
  GateDto,
  ZoneDto,
} from './dto/access-setup.dto.js';

/** An event's entry set-up: check-in lists, zones with their access levels, and gates into them. */
@Injectable()
export class AccessSetupService {
  constructor(private readonly ds: DataSource) {}

  async get(eventId: string): Promise<AccessSetupDto> {
    await this.event(eventId);
    const [checkInLists, zones, gates] = await Promise.all([
      this.ds.query(
        'SELECT id, event_id AS "eventId", name, allow_reentry AS "allowReentry", is_default AS "isDefault" FROM check_in_lists WHERE event_id = $1 ORDER BY created_at',
        [eventId],
      ),
      this.ds.query(
        'SELECT id, event_id AS "eventId", name, access_levels AS "accessLevels" FROM zones WHERE event_id = $1 ORDER BY name',
        [eventId],
      ),
      this.ds.query(
        'SELECT id, event_id AS "eventId", name, zone_id AS "zoneId", check_in_list_id AS "checkInListId" FROM gates WHERE event_id = $1 ORDER BY name',
        [eventId],
      ),
    ]);
    return { checkInLists, zones, gates } as AccessSetupDto;
  }

  async addList(eventId: string, dto: CreateCheckInListDto): Promise<CheckInListDto> {
    await this.event(eventId);
    const [row] = (await this.ds.query(
      `INSERT INTO check_in_lists (event_id, name, allow_reentry) VALUES ($1, $2, $3)
       RETURNING id, event_id AS "eventId", name, allow_reentry AS "allowReentry", is_default AS "isDefault"`,
      [eventId, dto.name, dto.allowReentry ?? false],
    )) as CheckInListDto[];
    return row;
  }

  async addZone(eventId: string, dto: CreateZoneDto): Promise<ZoneDto> {
    await this.event(eventId);
    const [row] = (await this.ds.query(
      'INSERT INTO zones (event_id, name, access_levels) VALUES ($1, $2, $3) RETURNING id, event_id AS "eventId", name, access_levels AS "accessLevels"',
      [eventId, dto.name, [...new Set(dto.accessLevels)]],
    )) as ZoneDto[];
    return row;
  }

  async addGate(eventId: string, dto: CreateGateDto): Promise<GateDto> {
    await this.event(eventId);
    if (dto.zoneId) {
      const [zone] = (await this.ds.query('SELECT 1 FROM zones WHERE id = $1 AND event_id = $2', [
        dto.zoneId,
        eventId,
      ])) as unknown[];
      if (!zone) throw new DomainError('unprocessable', 'ZONE_NOT_FOUND', 'This event has no zone with this id.');
    }
    let listId = dto.checkInListId;
    if (listId) {
      const [list] = (await this.ds.query('SELECT 1 FROM check_in_lists WHERE id = $1 AND event_id = $2', [
        listId,
        eventId,
      ])) as unknown[];
      if (!list)
        throw new DomainError('unprocessable', 'CHECK_IN_LIST_NOT_FOUND', 'This event has no such check-in list.');
    } else {
      const [row] = (await this.ds.query(
        `INSERT INTO check_in_lists (event_id, name, is_default) VALUES ($1, 'Main entrance', true)
         ON CONFLICT (event_id) WHERE is_default DO UPDATE SET is_default = true RETURNING id`,
        [eventId],
      )) as { id: string }[];
      listId = row.id;
    }
    const [gate] = (await this.ds.query(
      `INSERT INTO gates (event_id, name, zone_id, check_in_list_id) VALUES ($1, $2, $3, $4)
       RETURNING id, event_id AS "eventId", name, zone_id AS "zoneId", check_in_list_id AS "checkInListId"`,
      [eventId, dto.name, dto.zoneId ?? null, listId],
    )) as GateDto[];
    return gate;
  }

  private async event(eventId: string): Promise<void> {
    const [row] = (await this.ds.query('SELECT 1 FROM games WHERE id = $1', [eventId])) as unknown[];
    if (!row) throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
  }
}
