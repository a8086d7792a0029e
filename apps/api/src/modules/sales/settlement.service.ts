import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { EventsService } from '../events/events.service.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PricingService } from '../pricing/pricing.service.js';
import { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import { PurchasesRepository } from './purchases.repository.js';
import { RefundsService } from './refunds.service.js';

/** Why a paid purchase is refunded without a person asking. */
export type RefundReason = 'event_canceled' | 'stock_gone_after_hold_expired';

/**
 * How a purchase's payment ends, whoever reports it (the buyer's request, a webhook, reconciliation,
 * an event's cancellation): paid with its tickets issued in the same transaction, a refund owed, or
 * canceled or expired with its stock given back. Every step appends to purchase_events.
 */
@Injectable()
export class SettlementService implements OnModuleInit {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly tickets: IssuedTicketsService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
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
  async settleIn(
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
}
