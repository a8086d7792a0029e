import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PricingService } from '../pricing/pricing.service.js';
import { IssuedTicketsService } from '../tickets/issued-tickets.service.js';
import { PurchasesRepository } from './purchases.repository.js';

const purchaseNotFound = () => new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'No purchase of yours has this id.');

/**
 * Refunds: of some or all tickets of a purchase, fully or partly, through its payment provider, in
 * the transaction that revokes the tickets and puts their stock back; and of every purchase of a
 * canceled event (the `tickets.refund-event` job), with its progress.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly pricing: PricingService,
    private readonly tickets: IssuedTicketsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Refunds every valid ticket of a purchase (system refunds: late payments, canceled events). */
  async refundAll(actor: Actor | null, purchaseId: string, reason: string): Promise<void> {
    await this.refund(actor, purchaseId, { reason });
  }

  /** Staff refunds: all or some tickets, fully or partly, through the provider; tickets revoked, stock released. */
  async refund(
    actor: Actor | null,
    purchaseId: string,
    request: { ticketIds?: string[]; amount?: number; reason?: string },
  ): Promise<void> {
    const eventId = await this.tx.run(async (m) => {
      const purchase = await this.repo.get(purchaseId, m, true);
      if (!purchase) throw purchaseNotFound();
      if (!['paid', 'partially_refunded'].includes(purchase.status)) {
        throw new DomainError(
          'conflict',
          'NOT_REFUNDABLE',
          `A ${purchase.status.replace('_', ' ')} purchase cannot be refunded.`,
        );
      }
      const payment = await this.payments.forPurchase(purchaseId, m);
      if (!payment) throw new DomainError('conflict', 'NOT_REFUNDABLE', 'This purchase has no payment.');
      const refunded = await this.tickets.refund(m, purchaseId, request.ticketIds ?? null);
      const ticketValue = refunded.reduce((s, t) => s + t.price, 0);
      const remaining = purchase.total - purchase.refundedAmount;
      const amount = request.amount ?? (request.ticketIds ? ticketValue : remaining);
      if (amount > remaining)
        throw new DomainError('unprocessable', 'REFUND_EXCEEDS_PAYMENT', `At most ${remaining} can still be refunded.`);
      if (refunded.length === 0 && amount === 0)
        throw new DomainError('unprocessable', 'NOTHING_TO_REFUND', 'Nothing is left to refund.');
      await this.inventory.returnSold(m, purchase.eventId, refunded);
      const [{ left }] = (await m.query(
        "SELECT count(*)::int AS left FROM issued_tickets WHERE purchase_id = $1 AND status = 'valid'",
        [purchaseId],
      )) as {
        left: number;
      }[];
      const full = left === 0 && purchase.refundedAmount + amount >= purchase.total;
      await this.repo.addRefund(m, purchaseId, amount, full);
      // A purchase refunded in full no longer counts against its codes' limits.
      if (full) await this.pricing.releaseRedemptions(m, purchaseId);
      await this.repo.append(m, purchaseId, 'refunded', {
        amount,
        full,
        ticketIds: refunded.map((t) => t.id),
        reason: request.reason ?? null,
        by: actor?.kind === 'user' ? actor.userId : null,
      });
      await this.audit.record(m, {
        actor,
        action: 'purchase.refunded',
        entityType: 'purchase',
        entityId: purchaseId,
        before: { status: purchase.status, refundedAmount: purchase.refundedAmount },
        after: {
          status: full ? 'refunded' : 'partially_refunded',
          refundedAmount: purchase.refundedAmount + amount,
          tickets: refunded.length,
        },
      });
      await this.outbox.enqueue(m, 'notifications.deliver', {
        kind: 'refund',
        purchaseId,
        data: { amount, currency: purchase.currency, full, reason: request.reason ?? null },
      });
      // The provider is called last, inside the transaction holding the purchase row: if it fails, nothing above is kept.
      await this.payments.refund(m, payment, amount, `${purchaseId}-${purchase.version + 1}`);
      return purchase.eventId;
    });
    this.inventory.changed(eventId);
  }

  /**
   * A refund the system owes (a payment for stock that is gone, or for a canceled event): done once;
   * a purchase already refunded is left alone, a provider that does not answer throws (retry later).
   */
  async refundDue(purchaseId: string, reason: string): Promise<boolean> {
    const purchase = await this.repo.get(purchaseId);
    if (!purchase || !['paid', 'partially_refunded'].includes(purchase.status)) return false;
    try {
      await this.refundAll(null, purchaseId, reason);
      return true;
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'NOT_REFUNDABLE' || error.code === 'NOTHING_TO_REFUND'))
        return false;
      throw error;
    }
  }

  /** Scheduled: every refund still due, in case its job ran out of tries (a provider down for long). */
  async refundsDue(limit = 200): Promise<number> {
    let done = 0;
    for (const { id, reason } of await this.repo.refundDueIds(limit)) {
      try {
        if (await this.refundDue(id, reason)) done++;
      } catch (error) {
        this.logger.error({ err: error, purchaseId: id }, 'a refund due failed; the next sweep tries again');
      }
    }
    return done;
  }

  /** Refunds every paid purchase of a canceled event; safe to run again (it picks up what is left). */
  async refundEvent(eventId: string): Promise<{ refunded: number; failed: number }> {
    let refunded = 0;
    let failed = 0;
    for (const id of await this.repo.paidIdsForEvent(eventId)) {
      try {
        await this.refundAll(null, id, 'event_canceled');
        refunded++;
      } catch (error) {
        failed++;
        this.logger.error(
          { err: error, purchaseId: id, eventId },
          'refund of a canceled event purchase failed; the job retries',
        );
      }
    }
    if (failed) throw new Error(`${failed} refunds failed for event ${eventId}`);
    return { refunded, failed };
  }

  /** How far the refunds of a canceled event have come. */
  async refundProgress(
    eventId: string,
  ): Promise<{ eventId: string; total: number; refunded: number; remaining: number }> {
    const [row] = (await this.tx.manager.query(
      `SELECT count(*) FILTER (WHERE status IN ('paid', 'partially_refunded', 'refunded'))::int AS total,
              count(*) FILTER (WHERE status = 'refunded')::int AS refunded
         FROM ticket_purchases WHERE event_id = $1`,
      [eventId],
    )) as { total: number; refunded: number }[];
    return { eventId, total: row.total, refunded: row.refunded, remaining: row.total - row.refunded };
  }
}
