import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { EntityManager } from 'typeorm';
import type { EventFacts } from '../events/events.service.js';
import type { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import type { QuotaService, SaleTicketType } from '../tickets/quota.service.js';
import type { HoldRequest } from './inventory.types.js';

export function channelOf(actor: Actor, asked?: string): 'web' | 'mobile' | 'box_office' | 'vendor' {
  if (actor.kind === 'api_client') return 'vendor';
  if (asked === 'box_office') {
    if (!hasRole(actor, 'box_office'))
      throw new DomainError('forbidden', 'CHANNEL_NOT_ALLOWED', 'Only box-office staff sell at the counter.');
    return 'box_office';
  }
  return asked === 'mobile' ? 'mobile' : 'web';
}

export const isReserved = (t: SaleTicketType) =>
  Boolean(t.priceZoneId) || (t.sectionIds.length > 0 && t.capacity === null);

export function owns(actor: Actor, hold: { userId: string | null; apiClientId: string | null }): boolean {
  return actor.kind === 'user' ? hold.userId === actor.userId : hold.apiClientId === actor.clientId;
}

export function checkOnSale(t: SaleTicketType, channel: string, now: Date): void {
  if (t.salesStartAt && now < t.salesStartAt)
    throw new DomainError('unprocessable', 'SALES_CLOSED', `${t.name} is not on sale yet.`);
  if (t.salesEndAt && now >= t.salesEndAt)
    throw new DomainError('unprocessable', 'SALES_CLOSED', `Sales of ${t.name} have ended.`);
  if (!t.channels.includes(channel))
    throw new DomainError(
      'unprocessable',
      'CHANNEL_NOT_ALLOWED',
      `${t.name} is not sold through ${channel.replace('_', ' ')}.`,
    );
}

/** A customer buying on the web is held to the event's per-customer limit, counted under a lock. */
export async function checkCustomerLimit(
  tickets: IssuedTicketsService,
  m: EntityManager,
  actor: Actor,
  channel: string,
  event: EventFacts,
  adding: number,
): Promise<void> {
  if (actor.kind !== 'user' || channel === 'box_office') return;
  const [{ limit }] = (await m.query('SELECT max_tickets_per_customer AS "limit" FROM games WHERE id = $1', [
    event.id,
  ])) as { limit: number | null }[];
  if (limit === null) return;
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [['customer', actor.userId, event.id].join(':')]);
  const owned = await tickets.countForCustomer(m, actor.userId, event.id);
  const [{ held }] = (await m.query(
    `SELECT coalesce(sum(i.quantity), 0)::int AS held FROM holds h JOIN hold_items i ON i.hold_id = h.id
      WHERE h.user_id = $1 AND h.event_id = $2 AND h.status = 'active' AND h.expires_at > now()`,
    [actor.userId, event.id],
  )) as { held: number }[];
  if (owned + held + adding > limit) {
    throw new DomainError(
      'unprocessable',
      'LIMIT_EXCEEDED',
      `At most ${limit} tickets per customer for this event (you have ${owned + held}).`,
      {
        limit,
      },
    );
  }
}

/** The rules every hold and direct sale passes: types of this event, on sale in this channel, per-order and per-customer limits. */
export async function checkRequest(
  quota: QuotaService,
  tickets: IssuedTicketsService,
  m: EntityManager,
  actor: Actor,
  channel: string,
  event: EventFacts,
  request: HoldRequest,
): Promise<Map<string, SaleTicketType>> {
  const typeIds = [
    ...(request.items ?? []).map((i) => i.ticketTypeId),
    ...(request.seats ?? []).map((s) => s.ticketTypeId),
    ...(request.bestAvailable ? [request.bestAvailable.ticketTypeId] : []),
  ];
  const types = await quota.forSale(m, [...new Set(typeIds)]);
  const now = new Date();
  const wanted = new Map<string, number>();
  for (const id of typeIds) {
    const t = types.get(id);
    if (!t || t.eventId !== event.id)
      throw new DomainError('not_found', 'TICKET_TYPE_NOT_FOUND', 'A ticket type is not part of this event.');
    checkOnSale(t, channel, now);
  }
  for (const i of request.items ?? []) wanted.set(i.ticketTypeId, (wanted.get(i.ticketTypeId) ?? 0) + i.quantity);
  for (const s of request.seats ?? []) wanted.set(s.ticketTypeId, (wanted.get(s.ticketTypeId) ?? 0) + 1);
  if (request.bestAvailable)
    wanted.set(
      request.bestAvailable.ticketTypeId,
      (wanted.get(request.bestAvailable.ticketTypeId) ?? 0) + request.bestAvailable.quantity,
    );
  for (const [id, n] of wanted) {
    const t = types.get(id) as SaleTicketType;
    if (n < t.minPerOrder || n > t.maxPerOrder) {
      throw new DomainError(
        'unprocessable',
        'LIMIT_EXCEEDED',
        `${t.name}: between ${t.minPerOrder} and ${t.maxPerOrder} per order.`,
        {
          ticketTypeId: id,
          min: t.minPerOrder,
          max: t.maxPerOrder,
        },
      );
    }
  }
  const total = [...wanted.values()].reduce((a, b) => a + b, 0);
  await checkCustomerLimit(tickets, m, actor, channel, event, total);
  return types;
}
