import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
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
import { type PurchaseRow, PurchasesRepository } from './purchases.repository.js';
import { saleChannel, saleParties } from './sale-parties.js';

const purchaseNotFound = () => new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'No purchase of yours has this id.');
const paymentNotPending = (status: string) =>
  new DomainError('conflict', 'PAYMENT_NOT_PENDING', 'This purchase has no payment waiting to be made.', {
    purchaseStatus: status,
  });
const STAFF = ['box_office', 'support_agent'] as const;
/** Why a paid purchase is refunded without a person asking. */
export type RefundReason = 'event_canceled' | 'stock_gone_after_hold_expired';

/**
 * The Sales Service: a purchase from a hold or straight from items, paid through a provider;
 * tickets issued in the transaction that marks it paid. Every change appends to purchase_events.
 */
@Injectable()
export class SalesService implements OnModuleInit {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly tickets: IssuedTicketsService,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly direct: DirectSaleService,
    private readonly events: EventsService,
    private readonly pricing: PricingService,
    private readonly refunds: RefundsService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.events.onCanceled(async (m, eventId) => {
      // No one can buy from a hold of a canceled event: the stock goes back with the cancel.
      await this.inventory.releaseAllFor(m, eventId);
      await this.outbox.enqueue(m, 'tickets.refund-event', { eventId });
    });
    this.payments.onSettlement(async ({ purchaseId, paymentId, ref, result, reason }) => {
      if (result === 'succeeded') await this.settle(purchaseId, paymentId, ref);
      else if (result === 'failed') await this.fail(purchaseId, paymentId, 'provider_reported_failure', 'if_implicit');
      else if (result === 'attempt_failed') await this.attemptFailed(purchaseId, paymentId, reason);
      else await this.cancelIfHoldOver(purchaseId, paymentId, ref);
    });
  }

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
          const settled = await this.settleIn(m, o.purchaseId, o.paymentId, result.ref, Boolean(deferred));
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
      await this.fail(
        opened.purchaseId,
        opened.paymentId,
        error instanceof DomainError ? error.code.toLowerCase() : 'provider_error',
        opened.implicitHold,
      );
      throw error;
    }

    // 3. Settle by compare-and-set.
    if (result.status === 'succeeded') {
      await this.settle(opened.purchaseId, opened.paymentId, result.ref);
    } else if (result.status === 'declined') {
      await this.fail(opened.purchaseId, opened.paymentId, result.failureCode, opened.implicitHold);
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

  /**
   * pending_payment -> paid, once, whoever calls (the buyer's request, a webhook, reconciliation).
   * The hold becomes sold stock; if it expired meanwhile the same stock is taken again if free. A
   * payment for stock that is gone, or for a canceled event, is recorded as paid and refunded in
   * full by a queued job (retried, and swept up by `refundsDue` until done).
   */
  async settle(purchaseId: string, paymentId: string, ref: string): Promise<void> {
    const { done, refundDue } = await this.tx.run((m) => this.settleIn(m, purchaseId, paymentId, ref));
    if (!done) return;
    if (refundDue)
      this.logger.warn({ purchaseId, reason: refundDue }, 'payment arrived for stock it cannot have: refund queued');
    const purchase = await this.repo.get(purchaseId);
    if (purchase) this.inventory.changed(purchase.eventId);
  }

  /** The settlement itself, in the caller's transaction. */
  private async settleIn(
    m: EntityManager,
    purchaseId: string,
    paymentId: string,
    ref: string,
    quotaDeferred = false,
  ): Promise<{ done: boolean; refundDue: RefundReason | null }> {
    const purchase = await this.repo.get(purchaseId, m, true);
    if (!purchase || purchase.status !== 'pending_payment') return { done: false, refundDue: null };
    await this.payments.markSucceeded(m, paymentId, ref);
    const at = new Date();
    await this.repo.moveStatus(m, purchaseId, ['pending_payment'], 'paid', { paidAt: at });
    await this.repo.append(m, purchaseId, 'paid', { at: at.toISOString(), paymentId, ref, amount: purchase.total });
    const canceled = (await this.events.facts(purchase.eventId, m)).status === 'canceled';
    let stock =
      !canceled && purchase.holdId
        ? await this.inventory.convert(m, purchase.holdId, purchaseId, quotaDeferred)
        : false;
    if (!stock && !canceled) {
      const lines = purchase.items.map((i) => ({ ...i, currency: purchase.currency }));
      stock = await this.inventory.resell(m, purchase.eventId, purchaseId, lines);
      if (stock) await this.repo.append(m, purchaseId, 'rereserved', { reason: 'hold_expired_before_payment' });
    }
    if (!stock) {
      // Recorded with the payment, in its transaction: the refund cannot be forgotten.
      const reason: RefundReason = canceled ? 'event_canceled' : 'stock_gone_after_hold_expired';
      await this.repo.append(m, purchaseId, 'refund_due', { reason });
      await this.outbox.enqueue(m, 'tickets.refund-purchase', { purchaseId, reason });
      return { done: true, refundDue: reason };
    }
    const ids = await this.tickets.issue(
      m,
      purchase,
      purchase.items.flatMap((i) =>
        Array.from({ length: i.quantity }, () => ({
          ticketTypeId: i.ticketTypeId,
          seatId: i.seatId,
          price: i.unitPrice,
          currency: purchase.currency,
        })),
      ),
    );
    await this.repo.append(m, purchaseId, 'tickets_issued', { ticketIds: ids });
    await this.outbox.enqueue(m, 'tickets.render', { purchaseId, notify: 'purchase-confirmation' });
    return { done: true, refundDue: null };
  }

  /**
   * After an event is canceled (the `tickets.refund-event` job): pending payments are stopped at
   * their provider and their purchases canceled (one paid meanwhile is refunded like any other),
   * then every paid purchase is refunded.
   */
  async closeCanceledEvent(eventId: string): Promise<{ refunded: number; failed: number }> {
    for (const p of await this.repo.pendingForEvent(eventId)) {
      const remote = await this.payments.cancelPending(p.paymentId);
      if (remote === 'succeeded') await this.settle(p.id, p.paymentId, p.ref ?? '');
      else if (remote === 'canceled') await this.fail(p.id, p.paymentId, 'event_canceled', true, 'canceled');
    }
    return this.refunds.refundEvent(eventId);
  }

  /**
   * One try of a remote payment failed (a declined card in Stripe's form): the purchase stays
   * pending, with its hold, so the buyer can pay the same payment with another card until the hold
   * ends. The history records the try.
   */
  private async attemptFailed(purchaseId: string, paymentId: string, reason = 'payment_failed'): Promise<void> {
    await this.tx.run(async (m) => {
      const p = await this.repo.get(purchaseId, m, true);
      if (p?.status === 'pending_payment')
        await this.repo.append(m, purchaseId, 'payment_attempt_failed', { paymentId, reason });
    });
  }

  /**
   * A remote payment still open after the reconciliation delay. While the hold lasts the buyer may
   * still pay; once it is over the payment is stopped at the provider (so no later try can take the
   * money) and the purchase is canceled, or settled if it was paid meanwhile.
   */
  private async cancelIfHoldOver(purchaseId: string, paymentId: string, ref: string): Promise<void> {
    const p = await this.repo.get(purchaseId);
    if (!p || p.status !== 'pending_payment') return;
    if (p.holdId && (await this.inventory.liveUntil(p.holdId))) return;
    const remote = await this.payments.cancelPending(paymentId);
    if (remote === 'succeeded') await this.settle(purchaseId, paymentId, ref);
    else if (remote === 'canceled')
      await this.fail(purchaseId, paymentId, 'not_paid_before_hold_ended', true, 'expired');
  }

  /**
   * A payment that will not be made ends its purchase: `payment_failed` (declined, failed at the
   * provider) and `canceled` (its event was canceled) leave it canceled, `expired` (not paid before
   * its hold ended) expired. Its hold is released when asked, or with 'if_implicit' when it was made
   * for this purchase; a buyer's own hold stays for another try.
   */
  async fail(
    purchaseId: string,
    paymentId: string,
    reason: string,
    releaseHold: boolean | 'if_implicit',
    outcome: 'payment_failed' | 'canceled' | 'expired' = 'payment_failed',
  ): Promise<void> {
    const release = await this.tx.run(async (m) => {
      const p = await this.repo.get(purchaseId, m, true);
      if (!p || p.status !== 'pending_payment') return null;
      await this.payments.markFailed(m, paymentId, reason);
      await this.repo.moveStatus(m, purchaseId, ['pending_payment'], outcome === 'expired' ? 'expired' : 'canceled');
      await this.pricing.releaseRedemptions(m, purchaseId);
      await this.repo.append(m, purchaseId, outcome, { paymentId, reason });
      if (!p.holdId) return null;
      const wanted = releaseHold === 'if_implicit' ? await this.repo.madeItsHold(m, purchaseId) : releaseHold;
      return wanted ? p.holdId : null;
    });
    if (release) await this.inventory.releaseForSystem(release);
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
    return this.view(id, { clientSecret: resumed.clientSecret, publishableKey: this.payments.stripePublishableKey });
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
