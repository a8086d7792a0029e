import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import type {
  RevocationListDto,
  TicketDetailDto,
  TransferResultDto,
  TransferTicketDto,
} from './dto/issued-ticket.dto.js';
import { toTicketDto, type TicketRow } from './issued-tickets.service.js';
import { TicketBlocksService } from './ticket-blocks.service.js';
import { TicketCodesService } from './ticket-codes.service.js';
import { type PdfLayout, TicketFilesService } from './ticket-files.service.js';

const notFound = () => new DomainError('not_found', 'TICKET_NOT_FOUND', 'No ticket of yours has this id.');
const STAFF = ['box_office', 'support_agent'] as const;

/** Whose ticket: the holder, or the email it was passed to before they had an account. */
const MINE = `(t.holder_id = $2 OR (t.holder_id IS NULL AND t.holder_email = (SELECT email FROM users WHERE id = $2)))`;

/**
 * Mobile tickets and their lifecycle after issuance: detail with QR and file links, transfer to
 * another person and staff reissue (both revoke the old code and issue a new ticket in one
 * transaction), the revocation list scanners load, and resending.
 */
@Injectable()
export class TicketDeliveryService {
  constructor(
    private readonly files: TicketFilesService,
    private readonly codes: TicketCodesService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly blocks: TicketBlocksService,
  ) {}

  async detail(actor: UserActor, ticketId: string): Promise<TicketDetailDto> {
    const row = await this.mine(actor, ticketId);
    const [qrSvg, files] = await Promise.all([this.files.qrSvg(row), this.files.links(row)]);
    return { ...toTicketDto(row), qrSvg, files, transferable: transferable(row) };
  }

  async pdf(actor: UserActor, ticketId: string): Promise<Buffer> {
    const row = await this.mine(actor, ticketId);
    if (row.status !== 'valid')
      throw new DomainError(
        'conflict',
        'TICKET_NOT_VALID',
        `This ticket is ${row.status}; it has no printable ticket.`,
      );
    return this.files.pdf(row, 'a4');
  }

  /** The tickets of a sale in one PDF: staff for any sale, a customer for their own tickets. */
  async purchasePdf(actor: Actor, purchaseId: string, layout: PdfLayout): Promise<Buffer> {
    const staff = actor.kind === 'user' && hasRole(actor, ...STAFF);
    if (!staff) {
      const mine =
        actor.kind === 'user' && (await this.files.rows(`t.purchase_id = $1 AND ${MINE}`, [purchaseId, actor.userId]));
      if (!mine || mine.length === 0)
        throw new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'No purchase of yours has this id.');
    }
    const pdf = await this.files.purchasePdf(purchaseId, layout);
    if (!pdf) throw new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'This purchase has no valid tickets to print.');
    return pdf;
  }

  async resend(actor: UserActor, ticketId: string): Promise<void> {
    const row = await this.mine(actor, ticketId);
    if (row.status !== 'valid')
      throw new DomainError('conflict', 'TICKET_NOT_VALID', `This ticket is ${row.status}; there is nothing to send.`);
    await this.tx.run((m) => this.outbox.enqueue(m, 'notifications.deliver', { kind: 'ticket-resend', ticketId }));
  }

  /** Passes a ticket to someone else: the old code is revoked, a new one issued to them, both told. */
  async transfer(actor: UserActor, ticketId: string, dto: TransferTicketDto): Promise<TransferResultDto> {
    const email = dto.email.trim().toLowerCase();
    const result = await this.tx.run(async (m) => {
      const row = await this.lockMine(m, actor, ticketId);
      if (row.holderEmail?.toLowerCase() === email)
        throw new DomainError('unprocessable', 'TRANSFER_TO_SELF', 'This ticket is already held by that address.');
      checkTransferable(row);
      const [recipient] = (await m.query('SELECT id, name FROM users WHERE email = $1', [email])) as {
        id: string;
        name: string;
      }[];
      const next = await this.replace(m, row, 'transferred', {
        holderId: recipient?.id ?? null,
        holderEmail: email,
        holderName: dto.name ?? recipient?.name ?? null,
      });
      await this.outbox.enqueue(m, 'notifications.deliver', {
        kind: 'ticket-transfer-out',
        ticketId: row.id,
        userId: actor.userId,
        to: email,
      });
      await this.outbox.enqueue(m, 'notifications.deliver', { kind: 'ticket-transfer-in', ticketId: next });
      await this.audit.record(m, {
        actor,
        action: 'ticket.transferred',
        entityType: 'ticket',
        entityId: row.id,
        before: { holder: row.holderId ?? row.holderEmail },
        after: { ticketId: next, holderEmail: email },
      });
      return { revokedTicketId: row.id, ticketId: next, transferredTo: email };
    });
    return result;
  }

  /** Staff reissue a ticket (a lost phone): the old code is revoked, the holder gets a new one. */
  async reissue(actor: UserActor, ticketId: string, reason: string): Promise<ReturnType<typeof toTicketDto>> {
    const next = await this.tx.run(async (m) => {
      const [row] = (await m.query(`${SELECT_FOR_UPDATE} WHERE t.id = $1 FOR UPDATE OF t`, [ticketId])) as TicketRow[];
      if (!row) throw new DomainError('not_found', 'TICKET_NOT_FOUND', 'No ticket has this id.');
      if (row.status !== 'valid')
        throw new DomainError(
          'conflict',
          'TICKET_NOT_REISSUABLE',
          `This ticket is ${row.status}; it cannot be reissued.`,
        );
      const id = await this.replace(m, row, 'reissued', {
        holderId: row.holderId,
        holderEmail: row.holderId ? null : row.holderEmail,
        holderName: row.holderName,
      });
      await this.outbox.enqueue(m, 'notifications.deliver', { kind: 'ticket-reissued', ticketId: id });
      await this.audit.record(m, {
        actor,
        action: 'ticket.reissued',
        entityType: 'ticket',
        entityId: row.id,
        after: { ticketId: id, reason },
      });
      return id;
    });
    const [row] = await this.files.rows('t.id = $1', [next]);
    return toTicketDto(row);
  }

  async revocations(eventId: string, since: string | undefined): Promise<RevocationListDto> {
    // `revoked_at` is its transaction's start, committed up to a minute later (the statement and idle
    // timeouts): the next `since` overlaps by two minutes, so no revocation falls between two reads.
    const [{ at }] = (await this.tx.run((m) => m.query("SELECT now() - interval '2 minutes' AS at"))) as { at: Date }[];
    const rows = await this.files.rows(
      `t.event_id = $1 AND t.revoked_at IS NOT NULL AND ($2::timestamptz IS NULL OR t.revoked_at > $2::timestamptz)`,
      [eventId, since ?? null],
    );
    const reasons = await this.reasons(rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({
        ticketId: r.id,
        revokedAt: new Date(r.revokedAt as Date).toISOString(),
        reason: reasons.get(r.id) ?? r.status,
      })),
      at: new Date(at).toISOString(),
      blocked: await this.blocks.blockedIds(eventId),
    };
  }

  private async reasons(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.tx.run((m) =>
      m.query('SELECT id, revoked_reason AS reason FROM issued_tickets WHERE id = ANY($1::uuid[])', [ids]),
    )) as { id: string; reason: string | null }[];
    return new Map(rows.filter((r) => r.reason).map((r) => [r.id, r.reason as string]));
  }

  private async mine(actor: UserActor, ticketId: string): Promise<TicketRow> {
    const [row] = await this.files.rows(`t.id = $1 AND ${MINE}`, [ticketId, actor.userId]);
    if (!row) throw notFound();
    return row;
  }

  private async lockMine(m: EntityManager, actor: UserActor, ticketId: string): Promise<TicketRow> {
    const [row] = (await m.query(`${SELECT_FOR_UPDATE} WHERE t.id = $1 AND ${MINE} FOR UPDATE OF t`, [
      ticketId,
      actor.userId,
    ])) as TicketRow[];
    if (!row) throw notFound();
    return row;
  }

  /** Revokes `row` and issues its successor (same purchase, type, seat and price) with a new code. */
  private async replace(
    m: EntityManager,
    row: TicketRow,
    reason: 'transferred' | 'reissued',
    holder: { holderId: string | null; holderEmail: string | null; holderName: string | null },
  ): Promise<string> {
    // The old row leaves 'valid' first: a reserved seat is in at most one valid ticket.
    await m.query(
      "UPDATE issued_tickets SET status = 'revoked', revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND status = 'valid'",
      [row.id, reason],
    );
    const id = randomUUID();
    const [code] = await this.codes.sign(m, row.eventId, [{ id }]);
    await m.query(
      `INSERT INTO issued_tickets (id, purchase_id, event_id, ticket_type_id, seat_id, holder_id, holder_email, holder_name,
                                   replaces_id, price, currency, code)
       SELECT $1, purchase_id, event_id, ticket_type_id, seat_id, $3, $4, $5, id, price, currency, $6
         FROM issued_tickets WHERE id = $2`,
      [id, row.id, holder.holderId, holder.holderEmail, holder.holderName, code],
    );
    return id;
  }
}

const SELECT_FOR_UPDATE = `SELECT t.id, t.purchase_id AS "purchaseId", t.event_id AS "eventId", t.seat_id AS "seatId",
        t.status, t.holder_id AS "holderId", coalesce(t.holder_email, u.email) AS "holderEmail",
        coalesce(t.holder_name, u.name) AS "holderName", t.used_at AS "usedAt", t.blocked_at AS "blockedAt",
        g.starts_at AS "eventStartsAt",
        coalesce(g.ends_at, g.starts_at + interval '6 hours') AS "eventEndsAt", g.status AS "eventStatus"
   FROM issued_tickets t JOIN games g ON g.id = t.event_id LEFT JOIN users u ON u.id = t.holder_id`;

function transferable(row: TicketRow): boolean {
  try {
    checkTransferable(row);
    return true;
  } catch {
    return false;
  }
}

function checkTransferable(row: TicketRow & { eventEndsAt?: Date; eventStatus?: string }): void {
  if (row.status !== 'valid')
    throw new DomainError(
      'conflict',
      'TICKET_NOT_TRANSFERABLE',
      `This ticket is ${row.status}; it cannot be transferred.`,
    );
  if (row.usedAt)
    throw new DomainError('conflict', 'TICKET_NOT_TRANSFERABLE', 'This ticket was already used at the gate.');
  if (row.blockedAt)
    throw new DomainError('conflict', 'TICKET_NOT_TRANSFERABLE', 'This ticket is blocked; ask the organiser.');
  if (row.eventStatus && row.eventStatus !== 'on_sale' && row.eventStatus !== 'sales_closed')
    throw new DomainError('conflict', 'TICKET_NOT_TRANSFERABLE', 'This event is over or canceled.');
  if (row.eventEndsAt && new Date(row.eventEndsAt) < new Date())
    throw new DomainError('conflict', 'TICKET_NOT_TRANSFERABLE', 'This event is over.');
}
