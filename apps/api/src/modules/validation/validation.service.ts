import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeTicketCode, Keyring, type VerifiedTicket } from '../../../../../libs/ticket-code/src/index.js';
import { verifyTicketCodeOffThread } from '../../../../../libs/ticket-code/src/node.js';
import type { Actor } from '../../platform/auth/actor.js';
import { GroupCommit } from '../../platform/database/group-commit.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { TicketCodesService } from '../tickets/ticket-codes.service.js';
import { DevicesService } from './devices.service.js';
import type { OfflineBatchResultDto, OfflineResultDto, OfflineScanDto } from './dto/devices.dto.js';
import type { ValidateRequestDto, ValidationResultDto } from './dto/validate.dto.js';

/** Public keys are cached this long per event; a rotation reaches scanners within it. */
const KEYRING_MS = 30_000;
/** Verify the signature without the time checks, which come later in the decision order. */
const NO_TIME_CHECK = { leewaySeconds: 1e12 };

/** What `validation_scan` answers: the answer to give (and that it logged), or why it could not decide. */
interface ScanOutcome {
  answer?: ValidationResultDto;
  error?: 'GATE_NOT_FOUND';
}

/**
 * The Validation Service and Access Controller: one scan, decided in a fixed order (signature,
 * revocation, event, ticket and purchase state, block, validity window, zone, entry state), the
 * admission one atomic statement per check-in list, every scan logged. The signature is checked here;
 * the rest is one database round trip (`validation_scan`, migration ValidationScan). A repeated nonce
 * replays the first answer.
 */
@Injectable()
export class ValidationService {
  private readonly keyrings = new Map<string, { keyring: Keyring; until: number }>();
  /** Scans arriving together share a round trip and a commit (`validation_scan_batch`). */
  private readonly scans = new GroupCommit<string, ScanOutcome>(
    async (scans) => {
      const [{ outs }] = (await this.ds.query('SELECT validation_scan_batch($1::jsonb) AS outs', [
        `[${scans.join(',')}]`,
      ])) as { outs: ScanOutcome[] }[];
      return outs;
    },
    { maxBatch: 32, maxInFlight: 2 },
  );

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
      const turnedAway = scan.offlineResult === 'rejected';
      const answer = await this.validate(actor, scan, device, turnedAway).catch((error: unknown) => {
        // A gate deleted since the scan does not hold up the queue: the scan counts at the main entrance.
        if (!(error instanceof DomainError && error.code === 'GATE_NOT_FOUND' && scan.gateId)) throw error;
        return this.validate(actor, { ...scan, gateId: undefined }, device, turnedAway);
      });
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
    const scannedAt = dto.scannedAt ? new Date(dto.scannedAt) : new Date();
    const code = dto.code.trim();
    const verified = await this.verify(code);
    const scan = {
      scope,
      nonce: dto.nonce ?? null,
      // Only a verified code reaches the database (garbage may hold bytes jsonb cannot carry).
      code: verified ? code : null,
      ticketId: verified?.ticketId ?? null,
      notBefore: verified?.notBefore?.toISOString() ?? null,
      notAfter: verified?.notAfter?.toISOString() ?? null,
      gateId: dto.gateId ?? device?.gateId ?? null,
      eventId: device?.eventId ?? dto.eventId ?? null,
      direction: dto.direction ?? 'entry',
      scannedAt: scannedAt.toISOString(),
      turnedAway,
    };
    // The function serialises a nonce with an advisory lock, so a retry racing its first attempt
    // waits for it and then replays its answer. A batch that fails as a whole (a deadlock with
    // another instance's batch, say) changed nothing: each of its scans is then sent alone.
    const json = JSON.stringify(scan);
    const out = await this.scans.submit(json).catch(async () => {
      const [{ one }] = (await this.ds.query('SELECT validation_scan($1::jsonb) AS one', [json])) as {
        one: ScanOutcome;
      }[];
      return one;
    });
    if (out.error === 'GATE_NOT_FOUND') throw new DomainError('not_found', 'GATE_NOT_FOUND', 'No gate has this id.');
    return out.answer as ValidationResultDto;
  }

  /** The signature and key, checked here (CPU work); the time window is decided later, in its order. */
  private async verify(code: string): Promise<VerifiedTicket | null> {
    try {
      const claimed = decodeTicketCode(code);
      return await verifyTicketCodeOffThread(code, await this.keyring(claimed.eventId), undefined, NO_TIME_CHECK);
    } catch {
      return null;
    }
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
}
