import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ApiClientsService } from '../auth/api-clients.service.js';
import type {
  RegisterDeviceDto,
  RegisteredDeviceDto,
  ScannerDeviceDto,
  ScannerDeviceListDto,
  ValidationFlagDto,
  ValidationFlagListDto,
} from './dto/devices.dto.js';

interface DeviceRow {
  id: string;
  eventId: string;
  gateId: string | null;
  name: string;
  apiClientId: string;
  lockedAt: Date | null;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  createdAt: Date;
}

// A device whose key was revoked from the API clients page is revoked too.
const COLUMNS = `d.id, d.event_id AS "eventId", d.gate_id AS "gateId", d.name, d.api_client_id AS "apiClientId",
  d.locked_at AS "lockedAt", coalesce(d.revoked_at, (SELECT c.revoked_at FROM api_clients c WHERE c.id = d.api_client_id)) AS "revokedAt",
  d.last_seen_at AS "lastSeenAt", d.created_at AS "createdAt"`;

const toDto = (d: DeviceRow): ScannerDeviceDto => ({
  id: d.id,
  eventId: d.eventId,
  gateId: d.gateId,
  name: d.name,
  status: d.revokedAt ? 'revoked' : d.lockedAt ? 'locked' : 'active',
  lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

/** Scanner devices (each an API key bound to an event and gate, lockable and revocable) and the flags staff review. */
@Injectable()
export class DevicesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clients: ApiClientsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async register(actor: UserActor, eventId: string, dto: RegisterDeviceDto): Promise<RegisteredDeviceDto> {
    const [event] = (await this.ds.query('SELECT 1 FROM games WHERE id = $1', [eventId])) as unknown[];
    if (!event) throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    if (dto.gateId) {
      const [g] = (await this.ds.query('SELECT 1 FROM gates WHERE id = $1 AND event_id = $2', [
        dto.gateId,
        eventId,
      ])) as unknown[];
      if (!g) throw new DomainError('unprocessable', 'GATE_NOT_FOUND', 'This event has no gate with this id.');
    }
    const client = await this.clients.create(actor, { name: `Scanner: ${dto.name}`, scopes: ['tickets:validate'] });
    const [row] = (await this.ds.query(
      `INSERT INTO scanner_devices AS d (event_id, gate_id, name, api_client_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [eventId, dto.gateId ?? null, dto.name, client.id],
    )) as DeviceRow[];
    return { ...toDto(row), key: client.key };
  }

  async list(eventId: string): Promise<ScannerDeviceListDto> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM scanner_devices d WHERE d.event_id = $1 ORDER BY d.created_at`,
      [eventId],
    )) as DeviceRow[];
    return { items: rows.map(toDto), total: rows.length };
  }

  async setLocked(actor: UserActor, deviceId: string, locked: boolean): Promise<ScannerDeviceDto> {
    return this.tx.run(async (m) => {
      const [rows] = (await m.query(
        `UPDATE scanner_devices d SET locked_at = CASE WHEN $2 THEN coalesce(d.locked_at, now()) END WHERE d.id = $1
         RETURNING ${COLUMNS}`,
        [deviceId, locked],
      )) as [DeviceRow[], number];
      if (!rows[0]) throw new DomainError('not_found', 'DEVICE_NOT_FOUND', 'No scanner device has this id.');
      await this.audit.record(m, {
        actor,
        action: locked ? 'scanner_device.locked' : 'scanner_device.unlocked',
        entityType: 'scanner_device',
        entityId: deviceId,
        after: { locked },
      });
      return toDto(rows[0]);
    });
  }

  async revoke(actor: UserActor, deviceId: string): Promise<void> {
    const [rows] = (await this.ds.query(
      `UPDATE scanner_devices d SET revoked_at = coalesce(d.revoked_at, now()) WHERE d.id = $1 RETURNING ${COLUMNS}`,
      [deviceId],
    )) as [DeviceRow[], number];
    if (!rows[0]) throw new DomainError('not_found', 'DEVICE_NOT_FOUND', 'No scanner device has this id.');
    await this.clients.revoke(actor, rows[0].apiClientId);
  }

  /** The device behind an API key, if the key belongs to one; a locked or revoked device is refused. */
  async forClient(apiClientId: string): Promise<DeviceRow | null> {
    const [row] = (await this.ds.query(`SELECT ${COLUMNS} FROM scanner_devices d WHERE d.api_client_id = $1`, [
      apiClientId,
    ])) as DeviceRow[];
    if (!row) return null;
    if (row.revokedAt) throw new DomainError('forbidden', 'DEVICE_REVOKED', 'This scanner device was revoked.');
    if (row.lockedAt)
      throw new DomainError('forbidden', 'DEVICE_LOCKED', 'This scanner device is locked; ask a supervisor.');
    if (!row.lastSeenAt || Date.now() - row.lastSeenAt.getTime() > 60_000) {
      await this.ds.query('UPDATE scanner_devices SET last_seen_at = now() WHERE id = $1', [row.id]);
    }
    return row;
  }

  async flags(eventId: string, open: boolean): Promise<ValidationFlagListDto> {
    const rows = (await this.ds.query(
      `SELECT id, event_id AS "eventId", kind, ticket_id AS "ticketId", device_id AS "deviceId", evidence,
              created_at AS "createdAt", resolved_at AS "resolvedAt"
         FROM validation_flags WHERE event_id = $1 AND (NOT $2 OR resolved_at IS NULL) ORDER BY created_at DESC LIMIT 500`,
      [eventId, open],
    )) as (Omit<ValidationFlagDto, 'createdAt' | 'resolvedAt'> & { createdAt: Date; resolvedAt: Date | null })[];
    return {
      items: rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
      })),
      total: rows.length,
    };
  }

  async resolve(actor: UserActor, flagId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [rows] = (await m.query(
        `UPDATE validation_flags SET resolved_at = coalesce(resolved_at, now()) WHERE id = $1
         RETURNING id, kind, ticket_id AS "ticketId"`,
        [flagId],
      )) as [{ id: string; kind: string; ticketId: string | null }[], number];
      if (!rows[0]) throw new DomainError('not_found', 'FLAG_NOT_FOUND', 'No flag has this id.');
      await this.audit.record(m, {
        actor,
        action: 'validation_flag.resolved',
        entityType: 'validation_flag',
        entityId: flagId,
        after: { kind: rows[0].kind, ticketId: rows[0].ticketId },
      });
    });
  }
}
