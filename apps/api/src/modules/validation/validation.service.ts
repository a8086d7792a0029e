import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeTicketCode, Keyring } from '../../../../../libs/ticket-code/src/index.js';
import { verifyTicketCodeSync } from '../../../../../libs/ticket-code/src/node.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { TicketCodesService } from '../tickets/ticket-codes.service.js';
import { DevicesService } from './devices.service.js';
import type { OfflineBatchResultDto, OfflineResultDto, OfflineScanDto } from './dto/devices.dto.js';
import type { RejectReason, ValidateRequestDto, ValidationResultDto, ValidatedTicketDto } from './dto/validate.dto.js';

/** Public keys are cached this long per event; a rotation reaches scanners within it. */
const KEYRING_MS = 30_000;
/** Verify the signature without the time checks, which come later in the decision order. */
const NO_TIME_CHECK = { leewaySeconds: 1e12 };

interface Scanned {
  ticketId: string;
  eventId: string;
  status: string;
  purchaseStatus: string;
  accessLevel: string;
  ticketTypeName: string;
  seatId: string | null;
  section: string | null;
  row: string | null;
  label: string | null;
  holderName: string | null;
}

interface Gate {
  id: string;
  eventId: string;
  checkInListId: string;
  accessLevels: string[] | null;
  allowReentry: boolean;
}

/**
 * The Validation Service and Access Controller: one scan, decided in a fixed order (signature,
 * revocation, event, ticket and purchase state, validity window, zone, entry state), the admission
 * one atomic statement per check-in list, every scan logged. A repeated nonce replays the first answer.
 */
@Injectable()
export class ValidationService {
  private readonly keyrings = new Map<string, { keyring: Keyring; until: number }>();
  /** Default check-in list per event: upserting it on every scan made one hot row of every gate-less scan. */
  private readonly defaultLists = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly codes: TicketCodesService,
    private readonly devices: DevicesService,
  ) {}

  /**
   * Offline scans uploaded in a batch, applied in scan-time order. A ticket the device admitted
   * offline that the server finds already admitted is a conflict: answered, and flagged for staff.
   */
  async validateBatch(actor: Actor, scans: OfflineScanDto[]): Promise<OfflineBatchResultDto> {
    const device = actor.kind === 'api_client' ? await this.devices.forClient(actor.clientId) : null;
    const ordered = [...scans].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt));
    const results: OfflineResultDto[] = [];
    for (const scan of ordered) {
      const known = scan.gateId ? await this.gateOrNull(scan.gateId) : null;
      // A gate deleted since the scan does not hold up the queue: the scan counts at the main entrance.
      const applied = scan.gateId && !known ? { ...scan, gateId: undefined } : scan;
      const answer = await this.validate(actor, applied, device, scan.offlineResult === 'rejected');
      const conflict = scan.offlineResult === 'admitted' && answer.reason === 'already_used';
      if (conflict && answer.ticket) {
        await this.ds.query(
          `INSERT INTO validation_flags (event_id, kind, dedupe_key, ticket_id, device_id, evidence)
           VALUES ($1, 'offline_double_admission', $2, $3, $4, $5) ON CONFLICT (kind, dedupe_key) DO NOTHING`,
          [
            answer.ticket.eventId,
            `${answer.ticket.id}:${scan.nonce}`,
            answer.ticket.id,
            device?.id ?? null,
            JSON.stringify({
              nonce: scan.nonce,
              scannedAt: scan.scannedAt,
              gateId: scan.gateId ?? device?.gateId ?? null,
              admissions: await this.admissions(answer.ticket.id),
            }),
          ],
        );
      }
      results.push({ ...answer, nonce: scan.nonce, conflict });
    }
    return { results, conflicts: results.filter((r) => r.conflict).length };
  }

  async validate(
    actor: Actor,
    dto: ValidateRequestDto,
    knownDevice?: Awaited<ReturnType<DevicesService['forClient']>>,
    turnedAway = false,
  ): Promise<ValidationResultDto> {
    const scope = actor.kind === 'user' ? `user:${actor.userId}` : `client:${actor.clientId}`;
    const device =
      knownDevice !== undefined
        ? knownDevice
        : actor.kind === 'api_client'
          ? await this.devices.forClient(actor.clientId)
          : null;
    const direction = dto.direction ?? 'entry';
    const scannedAt = dto.scannedAt ? new Date(dto.scannedAt) : new Date();
    if (dto.nonce) {
      const first = await this.answerFor(scope, dto.nonce);
      if (first) return first;
    }
    const gateId = dto.gateId ?? device?.gateId ?? null;
    const gate = gateId ? await this.gate(gateId) : null;
    const decision = await this.decide(dto.code, gate, direction, scannedAt, device?.eventId ?? dto.eventId ?? null);
    return this.ds
      .transaction(async (m) => {
        let { result, reason } = decision;
        let listId: string | null = gate?.checkInListId ?? null;
        if (result === 'admitted' && decision.ticket && turnedAway) {
          // A holder a device turned away while offline was not let in: logged, never checked in.
          listId ??= await this.defaultList(m, decision.ticket.eventId);
          const [inside] = (await m.query(
            "SELECT 1 FROM check_ins WHERE check_in_list_id = $1 AND ticket_id = $2 AND state = 'in'",
            [listId, decision.ticket.id],
          )) as unknown[];
          [result, reason] = ['rejected', inside && direction === 'entry' ? 'already_used' : undefined];
        } else if (result === 'admitted' && decision.ticket) {
          listId ??= await this.defaultList(m, decision.ticket.eventId);
          const admitted = await this.checkIn(
            m,
            listId,
            decision.ticket.id,
            direction,
            gate?.allowReentry ?? false,
            scannedAt,
          );
          if (!admitted) [result, reason] = ['rejected', 'already_used'];
        }
        const answer: ValidationResultDto = {
          result,
          ...(reason ? { reason } : {}),
          ...(decision.ticket ? { ticket: decision.ticket } : {}),
          scannedAt: scannedAt.toISOString(),
        };
        const [logged] = (await m.query(
          `INSERT INTO validation_logs (scope, nonce, event_id, ticket_id, gate_id, check_in_list_id, direction, result, reason, scanned_at, answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (scope, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING id`,
          [
            scope,
            dto.nonce ?? null,
            decision.ticket?.eventId ?? gate?.eventId ?? null,
            decision.ticket?.id ?? null,
            gate?.id ?? null,
            listId,
            direction,
            result,
            reason ?? null,
            scannedAt,
            JSON.stringify(answer),
          ],
        )) as { id: string }[];
        if (!logged) {
          // The same nonce won a race a moment ago: undo this admission, give its answer.
          throw new NonceTaken();
        }
        return answer;
      })
      .catch(async (error: unknown) => {
        if (!(error instanceof NonceTaken)) throw error;
        return (await this.answerFor(scope, dto.nonce as string)) as ValidationResultDto;
      });
  }

  private async decide(
    code: string,
    gate: Gate | null,
    direction: 'entry' | 'exit',
    at: Date,
    deviceEventId: string | null,
  ): Promise<{ result: 'admitted' | 'rejected'; reason?: RejectReason; ticket?: ValidatedTicketDto }> {
    const reject = (reason: RejectReason, ticket?: ValidatedTicketDto) => ({
      result: 'rejected' as const,
      reason,
      ticket,
    });
    let verified;
    try {
      const claimed = decodeTicketCode(code.trim());
      verified = verifyTicketCodeSync(code.trim(), await this.keyring(claimed.eventId), undefined, NO_TIME_CHECK);
    } catch {
      return reject('invalid');
    }
    const [row] = (await this.ds.query(
      `SELECT t.id AS "ticketId", t.event_id AS "eventId", t.status, p.status AS "purchaseStatus",
              tt.access_level AS "accessLevel", tt.name AS "ticketTypeName", t.seat_id AS "seatId",
              sec.name AS section, s.row, s.label, coalesce(t.holder_name, u.name) AS "holderName"
         FROM issued_tickets t
         JOIN ticket_purchases p ON p.id = t.purchase_id
         JOIN ticket_types tt ON tt.id = t.ticket_type_id
         LEFT JOIN users u ON u.id = t.holder_id
         LEFT JOIN seats s ON s.id = t.seat_id
         LEFT JOIN sections sec ON sec.id = s.section_id
        WHERE t.id = $1 AND t.code = $2`,
      [verified.ticketId, code.trim()],
    )) as Scanned[];
    if (!row) return reject('invalid');
    const ticket: ValidatedTicketDto = {
      id: row.ticketId,
      eventId: row.eventId,
      ticketTypeName: row.ticketTypeName,
      seat: row.seatId
        ? { id: row.seatId, section: row.section ?? '', row: row.row ?? '', label: row.label ?? '' }
        : null,
      holderName: row.holderName,
    };
    if (row.status === 'revoked') return reject('revoked', ticket);
    const scanningFor = gate?.eventId ?? deviceEventId;
    if (scanningFor && scanningFor !== row.eventId) return reject('wrong_event', ticket);
    if (row.status === 'refunded' || row.status === 'canceled') return reject('canceled', ticket);
    if (row.purchaseStatus !== 'paid' && row.purchaseStatus !== 'partially_refunded') return reject('unpaid', ticket);
    if (
      direction === 'entry' &&
      verified.notBefore &&
      verified.notAfter &&
      (at < verified.notBefore || at >= verified.notAfter)
    )
      return reject('invalid_time', ticket);
    if (gate?.accessLevels && !gate.accessLevels.includes(row.accessLevel)) return reject('zone_denied', ticket);
    return { result: 'admitted', ticket };
  }

  /** In on entry (once, or again after an exit where the list allows re-entry); out on exit, harmlessly repeated. */
  private async checkIn(
    m: EntityManager,
    listId: string,
    ticketId: string,
    direction: 'entry' | 'exit',
    reentry: boolean,
    at: Date,
  ): Promise<boolean> {
    if (direction === 'exit') {
      await m.query(
        "UPDATE check_ins SET state = 'out', changed_at = now() WHERE check_in_list_id = $1 AND ticket_id = $2 AND state = 'in'",
        [listId, ticketId],
      );
      return true;
    }
    const rows = (await m.query(
      `INSERT INTO check_ins (check_in_list_id, ticket_id, state, first_admitted_at, changed_at)
       VALUES ($1, $2, 'in', $4, $4)
       ON CONFLICT (check_in_list_id, ticket_id) DO UPDATE SET state = 'in', changed_at = $4
        WHERE check_ins.state = 'out' AND $3::boolean
       RETURNING 1`,
      [listId, ticketId, reentry, at],
    )) as unknown[];
    if (rows.length === 0) return false;
    await m.query('UPDATE issued_tickets SET used_at = coalesce(used_at, now()) WHERE id = $1', [ticketId]);
    return true;
  }

  /** The event's main-entrance list: made once, then remembered (its id never changes). */
  private async defaultList(m: EntityManager, eventId: string): Promise<string> {
    const known = this.defaultLists.get(eventId);
    if (known) return known;
    const [row] = (await m.query(
      `INSERT INTO check_in_lists (event_id, name, is_default) VALUES ($1, 'Main entrance', true)
       ON CONFLICT (event_id) WHERE is_default DO UPDATE SET is_default = true RETURNING id`,
      [eventId],
    )) as { id: string }[];
    if (this.defaultLists.size > 1000) this.defaultLists.clear();
    this.defaultLists.set(eventId, row.id);
    return row.id;
  }

  private async gateOrNull(id: string): Promise<Gate | null> {
    return this.gate(id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'GATE_NOT_FOUND') return null;
      throw error;
    });
  }

  private async gate(id: string): Promise<Gate> {
    const [row] = (await this.ds.query(
      `SELECT g.id, g.event_id AS "eventId", g.check_in_list_id AS "checkInListId", z.access_levels AS "accessLevels",
              l.allow_reentry AS "allowReentry"
         FROM gates g JOIN check_in_lists l ON l.id = g.check_in_list_id LEFT JOIN zones z ON z.id = g.zone_id
        WHERE g.id = $1`,
      [id],
    )) as Gate[];
    if (!row) throw new DomainError('not_found', 'GATE_NOT_FOUND', 'No gate has this id.');
    return row;
  }

  private async keyring(eventId: string): Promise<Keyring> {
    const hit = this.keyrings.get(eventId);
    if (hit && hit.until > Date.now()) return hit.keyring;
    const keyring = Keyring.fromJSON(await this.codes.publicKeys(eventId));
    if (this.keyrings.size > 1000) this.keyrings.clear();
    this.keyrings.set(eventId, { keyring, until: Date.now() + KEYRING_MS });
    return keyring;
  }

  private async admissions(ticketId: string): Promise<unknown[]> {
    return (await this.ds.query(
      `SELECT scope, gate_id AS "gateId", scanned_at AS "scannedAt", received_at AS "receivedAt" FROM validation_logs
        WHERE ticket_id = $1 AND result = 'admitted' AND direction = 'entry' ORDER BY scanned_at`,
      [ticketId],
    )) as unknown[];
  }

  private async answerFor(scope: string, nonce: string): Promise<ValidationResultDto | null> {
    const [row] = (await this.ds.query('SELECT answer FROM validation_logs WHERE scope = $1 AND nonce = $2', [
      scope,
      nonce,
    ])) as { answer: ValidationResultDto }[];
    return row?.answer ?? null;
  }
}

class NonceTaken extends Error {}
