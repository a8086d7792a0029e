import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { OfflineTicketDto, OfflineTicketListDto, TicketBlockDto } from './dto/issued-ticket.dto.js';

interface BlockRow {
  id: string;
  status: string;
  blockedAt: Date | null;
  blockedReason: string | null;
}

const toDto = (r: BlockRow): TicketBlockDto => ({
  ticketId: r.id,
  blocked: r.blockedAt !== null,
  blockedAt: r.blockedAt ? new Date(r.blockedAt).toISOString() : null,
  reason: r.blockedReason,
});

/**
 * Holding a ticket back without revoking it (a disputed payment, a suspected fraud): a blocked
 * ticket is refused at the gate as `blocked` and cannot be transferred until staff unblock it. The
 * scanners' offline data carries the blocked ids, and the compact ticket list used for offline zone
 * checks.
 */
@Injectable()
export class TicketBlocksService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  block(actor: UserActor, ticketId: string, reason: string): Promise<TicketBlockDto> {
    return this.change(actor, ticketId, reason);
  }

  unblock(actor: UserActor, ticketId: string): Promise<TicketBlockDto> {
    return this.change(actor, ticketId, null);
  }

  async blockedIds(eventId: string): Promise<string[]> {
    const rows = (await this.ds.query(
      'SELECT id FROM issued_tickets WHERE event_id = $1 AND blocked_at IS NOT NULL ORDER BY id',
      [eventId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Every valid ticket of an event, compact (types by index), for a scanner working offline. */
  async offlineList(eventId: string): Promise<OfflineTicketListDto> {
    const [event] = (await this.ds.query('SELECT now() AS at FROM games WHERE id = $1', [eventId])) as { at: Date }[];
    if (!event) throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    const types = (await this.ds.query(
      `SELECT id, name, access_level AS "accessLevel" FROM ticket_types WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    )) as { id: string; name: string; accessLevel: string }[];
    const index = new Map(types.map((t, i) => [t.id, i]));
    const rows = (await this.ds.query(
      `SELECT t.id, t.ticket_type_id AS "typeId", sec.name AS section, s.row, s.label,
              coalesce(t.holder_name, u.name) AS holder, t.blocked_at IS NOT NULL AS blocked
         FROM issued_tickets t
         LEFT JOIN users u ON u.id = t.holder_id
         LEFT JOIN seats s ON s.id = t.seat_id
         LEFT JOIN sections sec ON sec.id = s.section_id
        WHERE t.event_id = $1 AND t.status = 'valid'
        ORDER BY t.id`,
      [eventId],
    )) as {
      id: string;
      typeId: string;
      section: string | null;
      row: string | null;
      label: string | null;
      holder: string | null;
      blocked: boolean;
    }[];
    const tickets = rows.map((r): OfflineTicketDto => ({
      id: r.id.toLowerCase(),
      type: index.get(r.typeId) ?? -1,
      ...(r.label !== null ? { seat: { section: r.section ?? '', row: r.row ?? '', label: r.label } } : {}),
      ...(r.holder ? { holder: r.holder } : {}),
      ...(r.blocked ? { blocked: true as const } : {}),
    }));
    return { eventId, at: new Date(event.at).toISOString(), ticketTypes: types, tickets };
  }

  private async change(actor: UserActor, ticketId: string, reason: string | null): Promise<TicketBlockDto> {
    return this.tx.run(async (m) => {
      const [before] = (await m.query(
        `SELECT id, status, blocked_at AS "blockedAt", blocked_reason AS "blockedReason"
           FROM issued_tickets WHERE id = $1 FOR UPDATE`,
        [ticketId],
      )) as BlockRow[];
      if (!before) throw new DomainError('not_found', 'TICKET_NOT_FOUND', 'No ticket has this id.');
      if (reason !== null && before.status !== 'valid')
        throw new DomainError(
          'conflict',
          'TICKET_NOT_VALID',
          `This ticket is ${before.status}; there is nothing to block.`,
        );
      // Blocking a blocked ticket updates the reason; unblocking an unblocked one changes nothing.
      if (reason === null && before.blockedAt === null) return toDto(before);
      const [[after]] = (await m.query(
        `UPDATE issued_tickets
            SET blocked_at = CASE WHEN $2::text IS NULL THEN NULL ELSE coalesce(blocked_at, now()) END,
                blocked_reason = $2, blocked_by = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::uuid END
          WHERE id = $1
          RETURNING id, status, blocked_at AS "blockedAt", blocked_reason AS "blockedReason"`,
        [ticketId, reason, actor.userId],
      )) as [BlockRow[], number];
      await this.audit.record(m, {
        actor,
        action: reason === null ? 'ticket.unblocked' : 'ticket.blocked',
        entityType: 'ticket',
        entityId: ticketId,
        before: { blocked: before.blockedAt !== null, reason: before.blockedReason },
        after: { blocked: reason !== null, reason },
      });
      return toDto(after);
    });
  }
}
