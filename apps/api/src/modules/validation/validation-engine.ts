import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';

/** How far back each run looks; flags are de-duplicated, so overlapping runs raise nothing twice. */
const WINDOW = '15 minutes';

/**
 * The Validation Engine (fraud prevention), run by the Validation Worker every few seconds over the
 * scan log: one ticket presented at two gates within minutes, bursts of invalid codes from one
 * scanner, and revoked (transferred, reissued, refunded) tickets presented at a gate. Each finding
 * becomes a flag with its evidence for staff, once.
 */
@Injectable()
export class ValidationEngine {
  constructor(private readonly ds: DataSource) {}

  @JobHandler('validation.analyze')
  async analyze(): Promise<number> {
    const found = await Promise.all([this.twoGates(), this.invalidBursts(), this.revokedPresented()]);
    return found.reduce((a, b) => a + b, 0);
  }

  /** The same ticket scanned at two different gates less than 5 minutes apart. */
  private async twoGates(): Promise<number> {
    const rows = (await this.ds.query(
      `INSERT INTO validation_flags (event_id, kind, dedupe_key, ticket_id, evidence)
       SELECT a.event_id, 'two_gates', a.ticket_id || ':' || least(a.id, b.id) || ':' || greatest(a.id, b.id), a.ticket_id,
              jsonb_build_object('scans', jsonb_build_array(
                jsonb_build_object('gateId', a.gate_id, 'scannedAt', a.scanned_at, 'result', a.result, 'reason', a.reason),
                jsonb_build_object('gateId', b.gate_id, 'scannedAt', b.scanned_at, 'result', b.result, 'reason', b.reason)))
         FROM validation_logs a
         JOIN validation_logs b ON b.ticket_id = a.ticket_id AND b.id > a.id AND b.gate_id IS DISTINCT FROM a.gate_id
              AND b.direction = 'entry' AND abs(extract(epoch FROM b.scanned_at - a.scanned_at)) < 300
        WHERE a.ticket_id IS NOT NULL AND a.direction = 'entry' AND a.received_at > now() - $1::interval
       ON CONFLICT (kind, dedupe_key) DO NOTHING RETURNING id`,
      [WINDOW],
    )) as unknown[];
    return rows.length;
  }

  /** Ten or more invalid codes from one scanner within a minute: a forged batch, or a broken device. */
  private async invalidBursts(): Promise<number> {
    const rows = (await this.ds.query(
      `INSERT INTO validation_flags (event_id, kind, dedupe_key, device_id, evidence)
       SELECT coalesce(d.event_id, l.event_id), 'invalid_burst', l.scope || ':' || l.minute, d.id,
              jsonb_build_object('scope', l.scope, 'minute', l.minute, 'invalidScans', l.n)
         FROM (SELECT scope, date_trunc('minute', scanned_at) AS minute, count(*)::int AS n, max(event_id::text)::uuid AS event_id
                 FROM validation_logs
                WHERE reason = 'invalid' AND received_at > now() - $1::interval
                GROUP BY scope, date_trunc('minute', scanned_at) HAVING count(*) >= 10) l
         LEFT JOIN scanner_devices d ON l.scope = 'client:' || d.api_client_id
        WHERE coalesce(d.event_id, l.event_id) IS NOT NULL
       ON CONFLICT (kind, dedupe_key) DO NOTHING RETURNING id`,
      [WINDOW],
    )) as unknown[];
    return rows.length;
  }

  /** A revoked ticket (transferred, reissued, refunded) shown at a gate: its old holder may be reselling it (one flag per ticket and hour). */
  private async revokedPresented(): Promise<number> {
    const rows = (await this.ds.query(
      `INSERT INTO validation_flags (event_id, kind, dedupe_key, ticket_id, evidence)
       SELECT l.event_id, 'revoked_presented', l.ticket_id || ':' || l.hour, l.ticket_id,
              jsonb_build_object('scans', jsonb_agg(jsonb_build_object('gateId', l.gate_id, 'scannedAt', l.scanned_at,
                                                                       'reason', l.reason, 'scope', l.scope)))
         FROM (SELECT *, date_trunc('hour', scanned_at) AS hour FROM validation_logs) l
        WHERE l.reason IN ('revoked', 'canceled') AND l.ticket_id IS NOT NULL AND l.received_at > now() - $1::interval
        GROUP BY l.event_id, l.ticket_id, l.hour
       ON CONFLICT (kind, dedupe_key) DO NOTHING RETURNING id`,
      [WINDOW],
    )) as unknown[];
    return rows.length;
  }
}
