import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import type { EntryStatsDto } from './dto/entry-stats.dto.js';

/** Live entry analytics from the scan log and check-ins: by gate, by 5-minute slot, no-shows, occupancy per zone. */
@Injectable()
export class EntryStatsService {
  constructor(private readonly ds: DataSource) {}

  async stats(eventId: string): Promise<EntryStatsDto> {
    const [event] = (await this.ds.query('SELECT 1 FROM games WHERE id = $1', [eventId])) as unknown[];
    if (!event) throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    const [totals, byGate, bySlot, occupancy] = await Promise.all([
      this.ds.query(
        `SELECT count(*)::int AS tickets,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id))::int AS admitted
           FROM issued_tickets t WHERE t.event_id = $1 AND t.status = 'valid'`,
        [eventId],
      ) as Promise<{ tickets: number; admitted: number }[]>,
      this.ds.query(
        `SELECT l.gate_id AS "gateId", coalesce(g.name, 'No gate') AS "gateName",
                count(*) FILTER (WHERE l.result = 'admitted' AND l.direction = 'entry')::int AS admitted,
                count(*) FILTER (WHERE l.result = 'rejected' AND l.direction = 'entry')::int AS rejected
           FROM validation_logs l LEFT JOIN gates g ON g.id = l.gate_id
          WHERE l.event_id = $1 GROUP BY l.gate_id, g.name ORDER BY 2`,
        [eventId],
      ) as Promise<EntryStatsDto['byGate']>,
      this.ds.query(
        `SELECT to_timestamp(floor(extract(epoch FROM scanned_at) / 300) * 300) AS slot, count(*)::int AS admitted
           FROM validation_logs WHERE event_id = $1 AND result = 'admitted' AND direction = 'entry'
          GROUP BY 1 ORDER BY 1`,
        [eventId],
      ) as Promise<{ slot: Date; admitted: number }[]>,
      this.ds.query(
        `SELECT g.zone_id AS "zoneId", coalesce(z.name, 'Main entrance') AS "zoneName",
                (count(*) FILTER (WHERE l.direction = 'entry') - count(*) FILTER (WHERE l.direction = 'exit'))::int AS inside
           FROM validation_logs l LEFT JOIN gates g ON g.id = l.gate_id LEFT JOIN zones z ON z.id = g.zone_id
          WHERE l.event_id = $1 AND l.result = 'admitted' GROUP BY g.zone_id, z.name ORDER BY 2`,
        [eventId],
      ) as Promise<EntryStatsDto['occupancy']>,
    ]);
    return {
      tickets: totals[0].tickets,
      admitted: totals[0].admitted,
      noShows: totals[0].tickets - totals[0].admitted,
      byGate,
      bySlot: bySlot.map((s) => ({ slot: new Date(s.slot).toISOString(), admitted: s.admitted })),
      occupancy: occupancy.map((o) => ({ ...o, inside: Math.max(0, o.inside) })),
      at: new Date().toISOString(),
    };
  }
}
