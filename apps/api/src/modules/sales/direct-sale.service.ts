import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuthService } from '../auth/auth.service.js';
import { FastQuoteService } from '../inventory/fast-quote.service.js';
import { type FastQuote, InventoryService } from '../inventory/inventory.service.js';
import type { PaymentMethod } from '../payments/payment.entity.js';
import type { ChargeResult } from '../payments/payment-provider.js';
import { PaymentsService } from '../payments/payments.service.js';
import { codesOf, PricingService } from '../pricing/pricing.service.js';
import { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import type { PurchaseDto, PurchaseRequestDto } from './dto/purchase.dto.js';
import { IdempotencyService } from './idempotency.service.js';
import type { Channel } from './purchase.entity.js';
import { PurchasesRepository } from './purchases.repository.js';
import { saleChannel, saleParties } from './sale-parties.js';

/** Best-available attempts in one round trip before the transactional path decides. */
const FAST_SEAT_ATTEMPTS = 3;
const SEAT_TAKEN = Symbol('seat taken');

/**
 * The flash-sale path: general admission straight from items, paid by a local provider (sandbox,
 * counter), in the caller's transaction: no hold rows, a handful of statements, the quota counter
 * sold last so its row is locked only until the commit, the answer built in memory.
 */
@Injectable()
export class DirectSaleService {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly inventory: InventoryService,
    private readonly quotes: FastQuoteService,
    private readonly payments: PaymentsService,
    private readonly tickets: IssuedTicketsService,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
    private readonly idempotency: IdempotencyService,
    private readonly ds: DataSource,
    private readonly pricing: PricingService,
  ) {}

  /**
   * The sale in one round trip (see the `sales_sell_direct` function): remembered definitions,
   * codes signed here, every row written by one statement. Null hands the request to the
   * transactional path, which answers anything unusual precisely (refusals, first sale of an event).
   */
  async buyFast(
    actor: Actor,
    dto: PurchaseRequestDto,
    scope: string,
    key: string | undefined,
  ): Promise<PurchaseDto | null> {
    // Codes are checked and redeemed in the transactional sale.
    if (codesOf(dto).length) return null;
    const { channel } = saleChannel(actor, dto);
    const quote = await this.quotes.quoteFast(this.ds.manager, channel, dto.eventId as string, dto.items ?? []);
    const sold = quote ? await this.sellQuoted(actor, dto, scope, key, quote) : null;
    return sold === SEAT_TAKEN ? null : sold;
  }

  /**
   * Best available in one round trip: seats picked from a short-lived shared read; a seat another
   * buyer took meanwhile rolls the sale back and the next attempt picks again (see quoteFastSeats).
   * After a few collisions (or anything unusual) the transactional path decides.
   */
  async buyFastSeats(
    actor: Actor,
    dto: PurchaseRequestDto,
    scope: string,
    key: string | undefined,
  ): Promise<PurchaseDto | null> {
    if (codesOf(dto).length) return null;
    const { channel } = saleChannel(actor, dto);
    const want = dto.bestAvailable as NonNullable<PurchaseRequestDto['bestAvailable']>;
    for (let attempt = 0; attempt < FAST_SEAT_ATTEMPTS; attempt++) {
      const quote = await this.quotes.quoteFastSeats(this.ds.manager, channel, dto.eventId as string, want, attempt);
      if (!quote) return null;
      const sold = await this.sellQuoted(actor, dto, scope, key, quote);
      if (sold !== SEAT_TAKEN) return sold;
    }
    return null;
  }

  /** The sale of a fast quote; null hands it to the transactional path. */
  private async sellQuoted(
    actor: Actor,
    dto: PurchaseRequestDto,
    scope: string,
    key: string | undefined,
    quote: FastQuote,
  ): Promise<PurchaseDto | null | typeof SEAT_TAKEN> {
    const hash = this.idempotency.hashOf(key, dto);
    const { method, channel } = saleChannel(actor, dto);
    if (quote.soldOut) {
      const error = new DomainError('conflict', 'SOLD_OUT', 'Sold out.', { ticketTypeId: quote.soldOut });
      return this.idempotency.refuse<PurchaseDto>(scope, key as string, hash, error);
    }
    const { lines, names } = quote;
    const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const currency = lines[0].currency;
    if (dto.expectedTotal !== undefined && dto.expectedTotal !== total) return null;
    const eventId = dto.eventId as string;
    const purchaseId = randomUUID();
    const tickets = lines.flatMap((l) =>
      Array.from({ length: l.quantity }, () => ({
        id: randomUUID(),
        ticketTypeId: l.ticketTypeId,
        price: l.unitPrice,
        seatId: l.seatId,
      })),
    );
    const codes = await this.tickets.signNow(eventId, tickets);
    const provider = this.payments.provider(method);
    const result = await provider.charge({
      purchaseId,
      amount: total,
      currency,
      token: dto.payment.token,
      description: `Tessera purchase ${purchaseId}`,
    });
    if (result.status !== 'succeeded') return null;

    const parties = saleParties(actor, channel);
    const items = lines.map((l) => ({
      ticketTypeId: l.ticketTypeId,
      seatId: l.seatId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }));
    const seatOf = (seatId: string | null) => {
      const seat = seatId ? quote.seats?.get(seatId) : undefined;
      return seatId && seat ? { id: seatId, ...seat } : null;
    };
    const paidAt = new Date().toISOString();
    const buyer = dto.buyer ?? {};
    const buyerEmail = buyer.email?.toLowerCase() ?? null;
    const answer: PurchaseDto = {
      id: purchaseId,
      status: 'paid',
      eventId,
      total,
      refundedAmount: 0,
      currency,
      channel,
      items,
      tickets: tickets.map((t, i) => ({
        id: t.id,
        code: codes[i],
        purchaseId,
        eventId,
        ticketTypeId: t.ticketTypeId,
        ticketTypeName: names.get(t.ticketTypeId) ?? '',
        status: 'valid' as const,
        price: t.price,
        currency,
        seat: seatOf(t.seatId),
      })),
      payment: { method, status: 'succeeded' },
      buyerEmail,
      buyerName: buyer.name ?? null,
      createdAt: paidAt,
      paidAt,
      payableUntil: null,
    };
    const seats = tickets.filter((t) => t.seatId).map((t) => ({ seat_id: t.seatId, ticket_type_id: t.ticketTypeId }));
    const sale = {
      scope,
      key,
      hash,
      eventId,
      purchaseId,
      customerId: parties.customerId,
      customerLimit: parties.customerId !== null,
      customerEmail: buyerEmail === null && parties.customerId !== null,
      buyerEmail,
      quantity: tickets.length,
      counters: quote.counters,
      ...(seats.length ? { seats } : {}),
      purchase: {
        buyer_name: answer.buyerName,
        channel,
        sold_by: parties.soldBy,
        api_client_id: parties.apiClientId,
        total,
        currency,
        payment_method: method,
        paid_at: paidAt,
        items,
      },
      events: [
        {
          type: 'created',
          data: {
            eventId,
            items,
            total,
            currency,
            channel,
            paymentMethod: method,
            holdId: null,
            ...saleParties(actor, channel),
            actor: actor.kind === 'user' ? { user: actor.userId } : { apiClient: actor.clientId },
          },
        },
        { type: 'paid', data: { at: paidAt, ref: result.ref, amount: total } },
        { type: 'tickets_issued', data: { ticketIds: tickets.map((t) => t.id) } },
      ],
      payment: { method, amount: total, currency, ref: result.ref },
      tickets: tickets.map((t, i) => ({
        id: t.id,
        ticket_type_id: t.ticketTypeId,
        seat_id: t.seatId,
        price: t.price,
        currency,
        code: codes[i],
      })),
      message: this.outbox.message('tickets.render', { purchaseId, notify: 'purchase-confirmation' }),
      answer: { ok: true, body: answer },
    };
    const outcome = await this.repo.sellDirect(sale);
    switch (outcome.outcome) {
      case 'sold':
        answer.buyerEmail = outcome.buyerEmail;
        return answer;
      case 'replay':
        return this.idempotency.answerOf<PurchaseDto>(scope, key as string, hash, outcome);
      case 'sold_out':
        if (outcome.held === 0) this.quotes.markSoldOut(eventId, outcome.ticketTypeId);
        return null;
      case 'stale':
        this.quotes.forgetDefinitions(quote.counters.map((c) => c.id));
        return null;
      case 'seat_taken':
        return SEAT_TAKEN;
      case 'refused':
        return null;
    }
  }

  async buy(m: EntityManager, actor: Actor, dto: PurchaseRequestDto): Promise<PurchaseDto> {
    const { method, channel } = saleChannel(actor, dto);
    const customerEmail =
      actor.kind === 'user' && channel !== 'box_office' ? await this.auth.emailOf(m, actor.userId) : null;
    const provider = this.payments.provider(method);
    const charge = (o: { purchaseId: string; total: number; currency: string }) =>
      provider.charge({
        purchaseId: o.purchaseId,
        amount: o.total,
        currency: o.currency,
        token: dto.payment.token,
        description: `Tessera purchase ${o.purchaseId}`,
      });
    return this.sell(m, actor, dto, channel, method, customerEmail, charge);
  }

  private async sell(
    m: EntityManager,
    actor: Actor,
    dto: PurchaseRequestDto,
    channel: Channel,
    method: PaymentMethod,
    customerEmail: string | null,
    charge: (o: { purchaseId: string; total: number; currency: string }) => Promise<ChargeResult>,
  ): Promise<PurchaseDto> {
    const { event, lines, deferred, names, promos } = await this.inventory.quoteDirect(
      m,
      actor,
      channel,
      dto.eventId as string,
      dto.items ?? [],
      codesOf(dto),
    );
    const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const currency = lines[0].currency;
    if (dto.expectedTotal !== undefined && dto.expectedTotal !== total) {
      throw new DomainError(
        'conflict',
        'PRICE_CHANGED',
        `The total is now ${total} (${currency}), not ${dto.expectedTotal}.`,
        { total, currency, items: lines.map((l) => ({ ticketTypeId: l.ticketTypeId, unitPrice: l.unitPrice })) },
      );
    }
    const purchaseId = randomUUID();
    // The codes' limits decide before anything is charged; a refusal rolls the sale back.
    if (promos.length) {
      await this.pricing.redeem(
        m,
        promos.map((p) => p.id),
        purchaseId,
        saleParties(actor, channel).customerId,
      );
    }
    const result = await charge({ purchaseId, total, currency });
    if (result.status !== 'succeeded') {
      throw new DomainError('payment_required', 'PAYMENT_DECLINED', 'The payment was declined; nothing was charged.');
    }
    const items = lines.map((l) => ({
      ticketTypeId: l.ticketTypeId,
      seatId: null,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }));
    const tickets = lines.flatMap((l) =>
      Array.from({ length: l.quantity }, () => ({
        id: randomUUID(),
        ticketTypeId: l.ticketTypeId,
        seatId: null,
        price: l.unitPrice,
        currency,
      })),
    );
    const paidAt = new Date();
    const buyer = dto.buyer ?? {};
    const row = {
      id: purchaseId,
      eventId: event.id,
      ...saleParties(actor, channel),
      buyerEmail: buyer.email?.toLowerCase() ?? customerEmail,
      buyerName: buyer.name ?? null,
      channel,
      holdId: null,
      total,
      currency,
      items,
      paymentMethod: method,
      paidAt,
    };
    await this.repo.insertPaid(m, row, [
      {
        type: 'created',
        data: {
          eventId: event.id,
          items,
          total,
          currency,
          channel,
          paymentMethod: method,
          holdId: null,
          ...saleParties(actor, channel),
          actor: actor.kind === 'user' ? { user: actor.userId } : { apiClient: actor.clientId },
        },
      },
      { type: 'paid', data: { at: paidAt.toISOString(), ref: result.ref, amount: total } },
      { type: 'tickets_issued', data: { ticketIds: tickets.map((t) => t.id) } },
    ]);
    await this.payments.recordSucceeded(m, purchaseId, method, total, currency, result.ref);
    const codes = await this.tickets.issueWithIds(m, row, tickets);
    await this.outbox.enqueue(m, 'tickets.render', { purchaseId, notify: 'purchase-confirmation' });
    // Last, so the hot counter row is locked only until the commit right after.
    await this.inventory.sellDeferred(m, deferred);
    return {
      id: purchaseId,
      status: 'paid',
      eventId: event.id,
      total,
      refundedAmount: 0,
      currency,
      channel,
      items,
      tickets: tickets.map((t, i) => ({
        id: t.id,
        code: codes[i],
        purchaseId,
        eventId: event.id,
        ticketTypeId: t.ticketTypeId,
        ticketTypeName: names.get(t.ticketTypeId) ?? '',
        status: 'valid' as const,
        price: t.price,
        currency,
        seat: null,
      })),
      payment: { method, status: 'succeeded' },
      buyerEmail: row.buyerEmail,
      buyerName: row.buyerName,
      createdAt: paidAt.toISOString(),
      paidAt: paidAt.toISOString(),
      payableUntil: null,
    };
  }
}
