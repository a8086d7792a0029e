import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import type { IssuedTicketDto, TicketListDto } from './dto/issued-ticket.dto.js';
import type { TicketStatus } from './issued-ticket.entity.js';
import { TicketCodesService } from './ticket-codes.service.js';

interface TicketRow {
  id: string;
  purchaseId: string;
  eventId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  seatId: string | null;
  code: string | null;
  row: string | null;
  label: string | null;
  section: string | null;
  status: TicketStatus;
  price: number;
  currency: string;
  eventName: string;
  eventStartsAt: Date;
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
  holderId: string | null;
  holderName: string | null;
  holderEmail: string | null;
  usedAt: Date | null;
  revokedAt: Date | null;
  blockedAt?: Date | null;
  eventStatus?: string;
  eventEndsAt?: Date;
}

export const SELECT = `SELECT t.id, t.purchase_id AS "purchaseId", t.event_id AS "eventId", t.ticket_type_id AS "ticketTypeId",
        tt.name AS "ticketTypeName", t.seat_id AS "seatId", t.code, s.row, s.label, sec.name AS section, t.status, t.price, t.currency,
        g.name AS "eventName", g.starts_at AS "eventStartsAt", g.timezone, v.name AS "venueName",
        nullif(concat_ws(', ', v.address, v.city), '') AS "venueAddress", t.holder_id AS "holderId",
        coalesce(t.holder_name, u.name) AS "holderName", coalesce(t.holder_email, u.email) AS "holderEmail",
        t.used_at AS "usedAt", t.revoked_at AS "revokedAt", t.blocked_at AS "blockedAt", g.status AS "eventStatus",
        coalesce(g.ends_at, g.starts_at + interval '6 hours') AS "eventEndsAt"
   FROM issued_tickets t
   JOIN ticket_types tt ON tt.id = t.ticket_type_id
   JOIN games g ON g.id = t.event_id
   LEFT JOIN venues v ON v.id = g.venue_id
   LEFT JOIN users u ON u.id = t.holder_id
   LEFT JOIN seats s ON s.id = t.seat_id
   LEFT JOIN sections sec ON sec.id = s.section_id`;

export type { TicketRow };

export const toTicketDto = (r: TicketRow): IssuedTicketDto => ({
  id: r.id,
  code: r.code,
  purchaseId: r.purchaseId,
  eventId: r.eventId,
  ticketTypeId: r.ticketTypeId,
  ticketTypeName: r.ticketTypeName,
  status: r.status,
  price: r.price,
  currency: r.currency,
  seat: r.seatId ? { id: r.seatId, section: r.section ?? '', row: r.row ?? '', label: r.label ?? '' } : null,
  holderName: r.holderName,
  ...(r.blockedAt ? { blocked: true } : {}),
  event: {
    name: r.eventName,
    startsAt: r.eventStartsAt.toISOString(),
    timezone: r.timezone,
    venueName: r.venueName,
    venueAddress: r.venueAddress,
  },
});

export interface TicketToIssue {
  ticketTypeId: string;
  seatId: string | null;
  price: number;
  currency: string;
}

/** The Ticket Generator's records: one row per admission, issued in the purchase's transaction. */
@Injectable()
export class IssuedTicketsService {
  constructor(
    private readonly ds: DataSource,
    private readonly codes: TicketCodesService,
  ) {}

  async issue(
    m: EntityManager,
    purchase: { id: string; eventId: string; customerId: string | null },
    tickets: TicketToIssue[],
  ): Promise<string[]> {
    if (tickets.length === 0) return [];
    const rows = (await m.query(
      `INSERT INTO issued_tickets (purchase_id, event_id, ticket_type_id, seat_id, holder_id, price, currency)
       SELECT $1, $2, t.tt, t.seat, $3, t.price, t.cur
         FROM unnest($4::uuid[], $5::uuid[], $6::int[], $7::text[]) AS t(tt, seat, price, cur)
       RETURNING id`,
      [
        purchase.id,
        purchase.eventId,
        purchase.customerId,
        tickets.map((t) => t.ticketTypeId),
        tickets.map((t) => t.seatId),
        tickets.map((t) => t.price),
        tickets.map((t) => t.currency),
      ],
    )) as { id: string }[];
    const ids = rows.map((r) => r.id);
    // Signed in the same transaction: a paid ticket always has its code.
    const codes = await this.codes.sign(
      m,
      purchase.eventId,
      ids.map((id) => ({ id })),
    );
    await m.query(
      'UPDATE issued_tickets t SET code = c.code FROM unnest($1::uuid[], $2::text[]) AS c(id, code) WHERE t.id = c.id',
      [ids, codes],
    );
    return ids;
  }

  /** Codes for tickets about to be issued by a statement of the caller's (see TicketCodesService.signNow). */
  signNow(eventId: string, tickets: { id: string }[]): Promise<string[]> {
    return this.codes.signNow(eventId, tickets);
  }

  /** Issues tickets whose ids the caller chose (a direct sale): one INSERT, codes included. */
  async issueWithIds(
    m: EntityManager,
    purchase: { id: string; eventId: string; customerId: string | null },
    tickets: (TicketToIssue & { id: string })[],
  ): Promise<string[]> {
    const codes = await this.codes.sign(m, purchase.eventId, tickets);
    await m.query(
      `INSERT INTO issued_tickets (id, purchase_id, event_id, ticket_type_id, seat_id, holder_id, price, currency, code)
       SELECT t.id, $1, $2, t.tt, NULL, $3, t.price, t.cur, t.code
         FROM unnest($4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::text[]) AS t(id, tt, price, cur, code)`,
      [
        purchase.id,
        purchase.eventId,
        purchase.customerId,
        tickets.map((t) => t.id),
        tickets.map((t) => t.ticketTypeId),
        tickets.map((t) => t.price),
        tickets.map((t) => t.currency),
        codes,
      ],
    );
    return codes;
  }

  async forPurchase(purchaseId: string, m: EntityManager = this.ds.manager): Promise<IssuedTicketDto[]> {
    const rows = (await m.query(`${SELECT} WHERE t.purchase_id = $1 ORDER BY t.created_at, t.id`, [
      purchaseId,
    ])) as TicketRow[];
    return rows.map(toTicketDto);
  }

  async mine(userId: string, query: { eventId?: string; limit: number; offset: number }): Promise<TicketListDto> {
    // Yours: held by you, or passed to your email before you had an account.
    const where = `WHERE (t.holder_id = $1 OR (t.holder_id IS NULL AND t.holder_email = (SELECT email FROM users WHERE id = $1)))
                     AND ($2::uuid IS NULL OR t.event_id = $2::uuid)`;
    const rows = (await this.ds.query(`${SELECT} ${where} ORDER BY t.created_at DESC, t.id LIMIT $3 OFFSET $4`, [
      userId,
      query.eventId ?? null,
      query.limit,
      query.offset,
    ])) as TicketRow[];
    const [{ n }] = (await this.ds.query(`SELECT count(*)::int AS n FROM issued_tickets t ${where}`, [
      userId,
      query.eventId ?? null,
    ])) as { n: number }[];
    return { items: rows.map(toTicketDto), total: n };
  }

  /** Marks valid tickets of a purchase refunded; returns what they held (type, seat, price). */
  async refund(
    m: EntityManager,
    purchaseId: string,
    ticketIds: string[] | null,
  ): Promise<{ id: string; ticketTypeId: string; seatId: string | null; price: number }[]> {
    const [rows] = (await m.query(
      `UPDATE issued_tickets SET status = 'refunded', revoked_at = now(), revoked_reason = 'refunded'
        WHERE purchase_id = $1 AND status = 'valid' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
        RETURNING id, ticket_type_id AS "ticketTypeId", seat_id AS "seatId", price`,
      [purchaseId, ticketIds],
    )) as [{ id: string; ticketTypeId: string; seatId: string | null; price: number }[], number];
    if (ticketIds && rows.length !== ticketIds.length) {
      throw new DomainError(
        'unprocessable',
        'TICKET_NOT_REFUNDABLE',
        'Some tickets are not valid tickets of this purchase.',
      );
    }
    return rows;
  }

  async countForCustomer(m: EntityManager, userId: string, eventId: string): Promise<number> {
    const [{ n }] = (await m.query(
      "SELECT count(*)::int AS n FROM issued_tickets WHERE holder_id = $1 AND event_id = $2 AND status = 'valid'",
      [userId, eventId],
    )) as { n: number }[];
    return n;
  }
}
