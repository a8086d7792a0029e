import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { AuthService } from '../auth/auth.service.js';
import { EventsService } from '../events/events.service.js';
import { InventoryService } from '../inventory/inventory.service.js';
import type { PaymentMethod } from '../payments/payment.entity.js';
import type { ChargeResult } from '../payments/payment-provider.js';
import { PaymentsService } from '../payments/payments.service.js';
import { codesOf, PricingService } from '../pricing/pricing.service.js';
import { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import type { PurchaseDto, PurchaseListDto, PurchaseQueryDto, PurchaseRequestDto } from './dto/purchase.dto.js';
import { DirectSaleService } from './direct-sale.service.js';
import { IdempotencyService } from './idempotency.service.js';
import { RefundsService } from './refunds.service.js';
import { SettlementService } from './settlement.service.js';
import { type PurchaseRow, PurchasesRepository } from './purchases.repository.js';
import { saleChannel, saleParties } from './sale-parties.js';

const purchaseNotFound = () => new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'No purchase of yours has this id.');
const paymentNotPending = (status: string) =>
  new DomainError('conflict', 'PAYMENT_NOT_PENDING', 'This purchase has no payment waiting to be made.', {
    purchaseStatus: status,
  });
const STAFF = ['box_office', 'support_agent'] as const;

/**
 * The Sales Service: a purchase from a hold or straight from items, paid through a provider;
 * tickets issued in the transaction that marks it paid. Every change appends to purchase_events.
 */
@Injectable()
export class SalesService {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly tickets: IssuedTicketsService,
    private readonly idempotency: IdempotencyService,
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly direct: DirectSaleService,
    private readonly events: EventsService,
    private readonly pricing: PricingService,
    private readonly refunds: RefundsService,
    private readonly settlement: SettlementService,
  ) {}

  /** Who to tell about a purchase, and what it was (the notifications module addresses its messages with it). */
  async contactOf(purchaseId: string): Promise<{
    customerId: string | null;
    buyerEmail: string | null;
    buyerName: string | null;
    eventId: string;
    total: number;
    currency: string;
    status: string;
  } | null> {
    const p = await this.repo.get(purchaseId);
    if (!p) return null;
    return {
      customerId: p.customerId,
      buyerEmail: p.buyerEmail,
      buyerName: p.buyerName,
      eventId: p.eventId,
      total: p.total,
      currency: p.currency,
      status: p.status,
    };
  }

  purchase(actor: Actor, dto: PurchaseRequestDto, idempotencyKey: string | undefined): Promise<PurchaseDto> {
    const scope = actor.kind === 'user' ? `user:${actor.userId}` : `client:${actor.clientId}`;
    const provider = this.payments.provider(dto.payment.method as PaymentMethod);
    // The flash-sale path: general admission straight from items, paid locally, one commit.
    if (provider.local && !dto.holdId && dto.eventId && dto.items?.length && !dto.seats && !dto.bestAvailable) {
      const attempt = () =>
        this.idempotency.runInTransaction(scope, idempotencyKey, dto, (m) => this.direct.buy(m, actor, dto));
      const transactional = () =>
        attempt().catch(async (error: unknown) => {
          // Stock that only expired holds block: release them (outside the sale's transaction, which
          // would otherwise wait on a second connection) and try once more.
          const soldOut = error instanceof DomainError && error.code === 'SOLD_OUT';
          if (!soldOut || (await this.inventory.expireDue(500, dto.eventId)) === 0) throw error;
          await this.idempotency.forget(scope, idempotencyKey as string);
          return attempt();
        });
      // First the one-round-trip sale; anything it cannot decide goes the transactional way.
      return this.direct
        .buyFast(actor, dto, scope, idempotencyKey)
        .then((sold) => sold ?? transactional())
        .then((sold) => {
          this.inventory.changed(sold.eventId);
          return sold;
        });
    }
    const ordinary = () => this.idempotency.run(scope, idempotencyKey, dto, () => this.buy(actor, dto));
    // Best available paid locally: one round trip too, the ordinary path when it cannot decide.
    if (provider.local && !dto.holdId && dto.eventId && dto.bestAvailable && !dto.items?.length && !dto.seats?.length) {
      return this.direct.buyFastSeats(actor, dto, scope, idempotencyKey).then((sold) => {
        if (!sold) return ordinary();
        this.inventory.changed(sold.eventId);
        return sold;
      });
    }
    return ordinary();
  }

  private async buy(actor: Actor, dto: PurchaseRequestDto): Promise<PurchaseDto> {
    const { method, channel } = saleChannel(actor, dto);
    const provider = this.payments.provider(method); // 422 before anything is held when the method is unavailable
    if (!dto.holdId && !dto.eventId)
      throw new DomainError(
        'bad_request',
        'NOTHING_TO_BUY',
        'Give holdId, or eventId with items, seats or bestAvailable.',
      );
    if (dto.holdId && (dto.eventId || dto.items || dto.seats || dto.bestAvailable)) {
      throw new DomainError('bad_request', 'HOLD_OR_ITEMS', 'Give either holdId or eventId with items, not both.');
    }

    const customerEmail = actor.kind === 'user' && channel !== 'box_office' ? (await this.auth.me(actor)).email : null;
    // 1. One transaction: the stock (an existing hold, or a new one), the purchase, its first events, the payment row.
    //    When stock seems gone, holds past their expiry are released and the transaction tried once more.
    const openIn = async (m: EntityManager, deferred?: Map<string, number>) => {
      let holdId = dto.holdId;
      if (holdId) {
        // Locked until this transaction ends: two purchases of one hold are decided one after the other.
        await m.query('SELECT 1 FROM holds WHERE id = $1 FOR UPDATE', [holdId]);
        const hold = await this.inventory.load(m, holdId);
        const mine =
          hold && (actor.kind === 'user' ? hold.userId === actor.userId : hold.apiClientId === actor.clientId);
        if (!hold || !mine) throw new DomainError('not_found', 'HOLD_NOT_FOUND', 'No hold of yours has this id.');
        if (hold.status !== 'active' || hold.expiresAt <= new Date())
          throw new DomainError('conflict', 'HOLD_EXPIRED', 'This hold has expired or was used.');
        if ((await this.events.facts(hold.eventId, m)).status !== 'on_sale')
          throw new DomainError('unprocessable', 'SALES_CLOSED', 'This event is not on sale.');
        const [busy] = (await m.query(
          "SELECT 1 FROM ticket_purchases WHERE hold_id = $1 AND status IN ('pending_payment', 'paid')",
          [holdId],
        )) as unknown[];
        if (busy) throw new DomainError('conflict', 'HOLD_IN_USE', 'A purchase of this hold is already under way.');
        // A hold's prices (and codes) are locked when it is made: another code now would stack on them.
        const held = new Set(await this.pricing.codesFor(m, hold.promoCodeIds));
        const extra = codesOf(dto).filter((c) => !held.has(c.toUpperCase()));
        if (extra.length) {
          throw new DomainError(
            'unprocessable',
            held.size ? 'PROMO_NOT_STACKABLE' : 'PROMO_NOT_ON_HOLD',
            held.size
              ? 'This hold already has a code; codes cannot be added to it.'
              : 'Enter codes when holding tickets; this hold was made without one.',
            { promoCodes: extra },
          );
        }
      } else {
        holdId = await this.inventory.place(
          actor,
          {
            eventId: dto.eventId as string,
            items: dto.items,
            seats: dto.seats,
            bestAvailable: dto.bestAvailable,
            channel: dto.channel,
            promoCodes: codesOf(dto),
          },
          m,
          deferred,
        );
      }
      const hold = (await this.inventory.load(m, holdId))!;
      const items = hold.items.map((i) => ({
        ticketTypeId: i.ticketTypeId,
        seatId: i.seatId,
        quantity: i.quantity,
        unitPrice: i.unitPrice,
      }));
      const total = hold.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0);
      const currency = hold.items[0].currency;
      if (dto.expectedTotal !== undefined && dto.expectedTotal !== total) {
        throw new DomainError(
          'conflict',
          'PRICE_CHANGED',
          `The total is now ${total} (${currency}), not ${dto.expectedTotal}.`,
          { total, currency, items: items.map((i) => ({ ticketTypeId: i.ticketTypeId, unitPrice: i.unitPrice })) },
        );
      }
      const buyer = dto.buyer ?? {};
      const buyerEmail = buyer.email?.toLowerCase() ?? customerEmail;
      const purchaseId = await this.repo.insert(m, {
        eventId: hold.eventId,
        ...saleParties(actor, channel),
        buyerEmail,
        buyerName: buyer.name ?? null,
        channel,
        holdId,
        total,
        currency,
        items,
        paymentMethod: method,
      });
      await this.repo.append(m, purchaseId, 'created', {
        eventId: hold.eventId,
        items,
        total,
        currency,
        channel,
        paymentMethod: method,
        holdId,
        // Made for this purchase (bought straight from items): nobody else can buy from it.
        implicitHold: !dto.holdId,
        ...saleParties(actor, channel),
        actor: actor.kind === 'user' ? { user: actor.userId } : { apiClient: actor.clientId },
      });
      // The codes locked in the hold are used now; their limits decide before anything is charged.
      if (hold.promoCodeIds.length)
        await this.pricing.redeem(m, hold.promoCodeIds, purchaseId, saleParties(actor, channel).customerId);
      const paymentId = await this.payments.open(m, purchaseId, method, total, currency);
      return { purchaseId, paymentId, total, currency, implicitHold: !dto.holdId, eventId: hold.eventId };
    };
    const charge = (o: { purchaseId: string; total: number; currency: string }) =>
      provider.charge({
        purchaseId: o.purchaseId,
        amount: o.total,
        currency: o.currency,
        token: dto.payment.token,
        description: `Tessera purchase ${o.purchaseId}`,
      });
    const retryOnStockGone = async <T>(attempt: () => Promise<T>): Promise<T> => {
      try {
        return await attempt();
      } catch (error) {
        const stockGone = error instanceof DomainError && ['SOLD_OUT', 'SEAT_TAKEN'].includes(error.code);
        if (!stockGone || dto.holdId || (await this.inventory.expireDue(500, dto.eventId)) === 0) throw error;
        return attempt();
      }
    };

    // Sandbox and counter payments answer without a network call: stock, purchase, payment and
    // tickets are one transaction (one commit, one lock on the quota row). A decline rolls it all back.
    if (provider.local) {
      const sold = await retryOnStockGone(() =>
        this.tx.run(async (m) => {
          // A new hold's quota is sold last, so the ticket type's counter row is locked only until the commit.
          const deferred = dto.holdId ? undefined : new Map<string, number>();
          const o = await openIn(m, deferred);
          const result = await charge(o);
          if (result.status !== 'succeeded') {
            throw new DomainError(
              'payment_required',
              'PAYMENT_DECLINED',
              'The payment was declined; nothing was charged.',
            );
          }
          const settled = await this.settlement.settleIn(m, o.purchaseId, o.paymentId, result.ref, Boolean(deferred));
          // Money at hand is never kept for stock that is gone: the whole sale rolls back instead.
          if (settled.refundDue === 'event_canceled')
            throw new DomainError('unprocessable', 'SALES_CLOSED', 'This event is not on sale.');
          if (settled.refundDue)
            throw new DomainError('conflict', 'SOLD_OUT', 'Not enough tickets left for this order.');
          if (deferred) await this.inventory.sellDeferred(m, deferred);
          return o;
        }),
      );
      this.inventory.changed(sold.eventId);
      return this.view(sold.purchaseId);
    }

    const opened = await retryOnStockGone(() => this.tx.run(openIn));
    if (opened.implicitHold) this.inventory.changed(opened.eventId);

    // 2. A remote provider, outside any transaction.
    let result: ChargeResult;
    try {
      result = await charge(opened);
    } catch (error) {
      await this.settlement.fail(
        opened.purchaseId,
        opened.paymentId,
        error instanceof DomainError ? error.code.toLowerCase() : 'provider_error',
        opened.implicitHold,
      );
      throw error;
    }

    // 3. Settle by compare-and-set.
    if (result.status === 'succeeded') {
      await this.settlement.settle(opened.purchaseId, opened.paymentId, result.ref);
    } else if (result.status === 'declined') {
      await this.settlement.fail(opened.purchaseId, opened.paymentId, result.failureCode, opened.implicitHold);
      throw new DomainError('payment_required', 'PAYMENT_DECLINED', 'The payment was declined; nothing was charged.', {
        purchaseId: opened.purchaseId,
      });
    } else {
      await this.tx.run(async (m) => {
        await this.payments.markPending(m, opened.paymentId, result.ref);
        await this.repo.append(m, opened.purchaseId, 'payment_pending', { provider: method, ref: result.ref });
      });
      return this.view(opened.purchaseId, {
        clientSecret: result.clientSecret,
        publishableKey: this.payments.stripePublishableKey,
      });
    }
    return this.view(opened.purchaseId);
  }

  /** Staff refunds (see RefundsService), answered with the purchase as it now stands. */
  async refund(
    actor: Actor | null,
    purchaseId: string,
    request: { ticketIds?: string[]; amount?: number; reason?: string },
  ): Promise<PurchaseDto> {
    await this.refunds.refund(actor, purchaseId, request);
    return this.view(purchaseId);
  }

  async capturePayPal(actor: Actor, id: string): Promise<PurchaseDto> {
    const p = await this.repo.get(id);
    if (!p || !this.canSee(actor, p)) throw purchaseNotFound();
    await this.payments.capturePayPal(id);
    return this.view(id);
  }

  /**
   * A pending card or PayPal payment, paid again by its buyer: after a declined card, a closed page
   * or a redirect back from the bank. Answers the purchase with a fresh client secret while its
   * tickets are still held and the provider still takes the payment.
   */
  async resumePayment(actor: Actor, id: string): Promise<PurchaseDto> {
    const p = await this.repo.get(id);
    if (!p || !this.canSee(actor, p)) throw purchaseNotFound();
    const buyer = actor.kind === 'api_client' ? p.apiClientId === actor.clientId : p.customerId === actor.userId;
    if (!buyer) throw new DomainError('forbidden', 'NOT_THE_BUYER', 'Only the buyer can pay for this purchase.');
    if (p.status !== 'pending_payment') throw paymentNotPending(p.status);
    if (p.holdId && !(await this.inventory.liveUntil(p.holdId)))
      throw new DomainError('conflict', 'HOLD_EXPIRED', 'The time to pay is over: the tickets are no longer held.');
    const resumed = await this.payments.resume(id);
    if (!resumed) throw paymentNotPending(p.status);
    return this.view(id, { clientSecret: resumed.clientSecret, publishableKey: this.payments.stripePublishableKey }, p);
  }

  async get(actor: Actor, id: string): Promise<PurchaseDto> {
    const p = await this.repo.get(id);
    if (!p || !this.canSee(actor, p)) throw purchaseNotFound();
    return this.view(id);
  }

  private canSee(actor: Actor, p: PurchaseRow): boolean {
    if (actor.kind === 'api_client') return p.apiClientId === actor.clientId;
    return p.customerId === actor.userId || p.soldBy === actor.userId || hasRole(actor, ...STAFF);
  }

  async list(query: PurchaseQueryDto, customerId?: string): Promise<PurchaseListDto> {
    const { rows, total } = await this.repo.list({ ...query, customerId });
    return { items: await Promise.all(rows.map((r) => this.view(r.id, {}, r))), total };
  }

  async history(actor: Actor, id: string) {
    const p = await this.repo.get(id);
    if (!p || !this.canSee(actor, p)) throw purchaseNotFound();
    const events = await this.repo.events(id);
    return {
      items: events.map((e) => ({ seq: e.seq, type: e.type, data: e.data, at: e.createdAt.toISOString() })),
      total: events.length,
    };
  }

  async view(
    id: string,
    extra: { clientSecret?: string | null; publishableKey?: string | null } = {},
    row?: PurchaseRow,
  ): Promise<PurchaseDto> {
    const p = row ?? (await this.repo.get(id));
    if (!p) throw purchaseNotFound();
    const payment = await this.payments.forPurchase(id);
    return {
      id: p.id,
      status: p.status,
      eventId: p.eventId,
      total: p.total,
      refundedAmount: p.refundedAmount,
      currency: p.currency,
      channel: p.channel,
      items: p.items,
      tickets: p.status === 'pending_payment' || p.status === 'canceled' ? [] : await this.tickets.forPurchase(id),
      payment: { method: payment?.method ?? p.paymentMethod, status: payment?.status ?? 'pending', ...extra },
      payableUntil:
        p.status === 'pending_payment' && p.holdId
          ? ((await this.inventory.liveUntil(p.holdId))?.toISOString() ?? null)
          : null,
      buyerEmail: p.buyerEmail,
      buyerName: p.buyerName,
      createdAt: new Date(p.createdAt).toISOString(),
      paidAt: p.paidAt ? new Date(p.paidAt).toISOString() : null,
    };
  }
}
