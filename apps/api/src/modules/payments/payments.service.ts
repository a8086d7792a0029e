import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { PAYMENT_METHODS, type PaymentMethod } from './payment.entity.js';
import {
  type ChargeRequest,
  type ChargeResult,
  PAYMENT_PROVIDERS,
  type PaymentProvider,
  type RemoteStatus,
} from './payment-provider.js';
import type { PayPalProvider } from './paypal.provider.js';
import type { StripeProvider } from './stripe.provider.js';

export interface PaymentRecord {
  id: string;
  purchaseId: string;
  method: PaymentMethod;
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  providerRef: string | null;
}

/**
 * What a provider told us about a payment, asynchronously (webhook, reconciliation): `succeeded`;
 * `failed` for good (the intent was canceled, the capture refused); `attempt_failed` when one try
 * failed and the buyer may pay the same payment again (Stripe's payment_failed); `stale` when it is
 * still open after the reconciliation delay, for the sale to decide whether to wait or cancel it.
 */
export type SettlementResult = 'succeeded' | 'failed' | 'attempt_failed' | 'stale';
export type SettlementListener = (outcome: {
  purchaseId: string;
  paymentId: string;
  ref: string;
  result: SettlementResult;
  reason?: string;
}) => Promise<void>;

/** The Payment Processor: payment rows, provider calls, webhooks. Knows nothing of purchases beyond their id. */
@Injectable()
export class PaymentsService {
  private readonly listeners: SettlementListener[] = [];
  private readonly providers: Map<PaymentMethod, PaymentProvider>;

  constructor(
    private readonly ds: DataSource,
    @Inject(PAYMENT_PROVIDERS) providers: PaymentProvider[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.providers = new Map(providers.map((p) => [p.method, p]));
  }

  onSettlement(listener: SettlementListener): void {
    this.listeners.push(listener);
  }

  provider(method: PaymentMethod): PaymentProvider {
    const p = this.providers.get(method);
    if (!p)
      throw new DomainError(
        'unprocessable',
        'PAYMENT_METHOD_UNAVAILABLE',
        `Payment by ${method} is not available here.`,
      );
    return p;
  }

  /** Every configured way to pay, with what a browser needs to offer it. */
  methods(): { method: PaymentMethod; staffOnly: boolean; publishableKey: string | null }[] {
    return PAYMENT_METHODS.filter((method) => this.providers.has(method)).map((method) => ({
      method,
      staffOnly: method === 'cash' || method === 'card_terminal',
      publishableKey: method === 'stripe' ? this.stripePublishableKey : null,
    }));
  }

  /** The publishable key the portal needs for Stripe's Payment Element (null when Stripe is off). */
  get stripePublishableKey(): string | null {
    return this.config.payments.stripe?.publishableKey ?? null;
  }

  async open(
    m: EntityManager,
    purchaseId: string,
    method: PaymentMethod,
    amount: number,
    currency: string,
  ): Promise<string> {
    const [row] = (await m.query(
      "INSERT INTO payments (purchase_id, method, status, amount, currency) VALUES ($1, $2, 'pending', $3, $4) RETURNING id",
      [purchaseId, method, amount, currency],
    )) as { id: string }[];
    return row.id;
  }

  /** Records a payment that has already succeeded (a local provider in the sale's own transaction). */
  async recordSucceeded(
    m: EntityManager,
    purchaseId: string,
    method: PaymentMethod,
    amount: number,
    currency: string,
    ref: string,
  ): Promise<void> {
    await m.query(
      "INSERT INTO payments (purchase_id, method, status, amount, currency, provider_ref) VALUES ($1, $2, 'succeeded', $3, $4, $5)",
      [purchaseId, method, amount, currency, ref],
    );
  }

  /** Calls the provider; never inside a database transaction. */
  charge(method: PaymentMethod, request: ChargeRequest): Promise<ChargeResult> {
    return this.provider(method).charge(request);
  }

  /** pending -> succeeded (compare-and-set); false when it was settled already. */
  async markSucceeded(m: EntityManager, paymentId: string, ref: string): Promise<boolean> {
    const [rows] = (await m.query(
      "UPDATE payments SET status = 'succeeded', provider_ref = $2, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING id",
      [paymentId, ref],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async markPending(m: EntityManager, paymentId: string, ref: string): Promise<void> {
    await m.query("UPDATE payments SET provider_ref = $2, updated_at = now() WHERE id = $1 AND status = 'pending'", [
      paymentId,
      ref,
    ]);
  }

  async markFailed(m: EntityManager, paymentId: string, failureCode: string): Promise<boolean> {
    const [rows] = (await m.query(
      "UPDATE payments SET status = 'failed', failure_code = $2, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING id",
      [paymentId, failureCode],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async forPurchase(purchaseId: string, m: EntityManager = this.ds.manager): Promise<PaymentRecord | null> {
    const [row] = (await m.query(
      `SELECT id, purchase_id AS "purchaseId", method, status, amount, refunded_amount AS "refundedAmount", currency, provider_ref AS "providerRef"
         FROM payments WHERE purchase_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [purchaseId],
    )) as PaymentRecord[];
    return row ?? null;
  }

  /** Refunds at the provider and records it; `refundId` makes a retry safe. */
  async refund(m: EntityManager, payment: PaymentRecord, amount: number, refundId: string): Promise<void> {
    if (amount <= 0) return;
    const [rows] = (await m.query(
      `UPDATE payments SET refunded_amount = refunded_amount + $2,
              status = CASE WHEN refunded_amount + $2 >= amount THEN 'refunded' ELSE 'partially_refunded' END, updated_at = now()
        WHERE id = $1 AND status IN ('succeeded', 'partially_refunded') AND refunded_amount + $2 <= amount RETURNING id`,
      [payment.id, amount],
    )) as [unknown[], number];
    if (rows.length === 0)
      throw new DomainError(
        'unprocessable',
        'REFUND_EXCEEDS_PAYMENT',
        'The refund is more than what is left of the payment.',
      );
    await this.provider(payment.method).refund(payment.providerRef ?? '', amount, refundId);
  }

  /** Stripe webhooks: signature over the raw body, each event id once, settlement by compare-and-set. */
  async stripeWebhook(
    rawBody: Buffer | undefined,
    signature: string | undefined,
  ): Promise<{ received: true; duplicate: boolean }> {
    const stripe = this.providers.get('stripe') as StripeProvider | undefined;
    if (!stripe) throw new DomainError('not_found', 'STRIPE_NOT_CONFIGURED', 'Stripe is not configured.');
    if (!rawBody) throw new DomainError('bad_request', 'WEBHOOK_SIGNATURE_INVALID', 'The webhook body is missing.');
    const event: Stripe.Event = stripe.verify(rawBody, signature);
    const [fresh] = (await this.ds.query(
      'INSERT INTO payment_webhook_events (provider, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
      ['stripe', event.id, event.type],
    )) as unknown[];
    if (!fresh) return { received: true, duplicate: true };
    if (
      event.type === 'payment_intent.succeeded' ||
      event.type === 'payment_intent.payment_failed' ||
      event.type === 'payment_intent.canceled'
    ) {
      const intent = event.data.object;
      // A failed attempt leaves the intent open: the buyer may try another card on it.
      const result: SettlementResult =
        event.type === 'payment_intent.succeeded'
          ? 'succeeded'
          : event.type === 'payment_intent.canceled'
            ? 'failed'
            : 'attempt_failed';
      await this.settle(intent.id, result, 'stripe', intent.last_payment_error?.code ?? undefined);
    }
    return { received: true, duplicate: false };
  }

  /**
   * Scheduled: asks the provider about payments pending too long. Paid and canceled ones settle;
   * the others are reported stale, and the sale cancels those whose hold is over. Returns how many
   * payments were reported.
   */
  async reconcile(): Promise<number> {
    const stale = (await this.ds.query(
      `SELECT provider_ref AS ref, method FROM payments
        WHERE status = 'pending' AND provider_ref IS NOT NULL AND method IN ('stripe', 'paypal') AND created_at < now() - make_interval(mins => $1)
        LIMIT 200`,
      [this.config.payments.reconcileAfterMinutes],
    )) as { ref: string; method: PaymentMethod }[];
    for (const p of stale) {
      const remote = await this.provider(p.method).status(p.ref);
      await this.settle(
        p.ref,
        remote === 'succeeded' ? 'succeeded' : remote === 'canceled' ? 'failed' : 'stale',
        p.method,
      );
    }
    return stale.length + (await this.reconcileUnreferenced());
  }

  /**
   * Payments whose provider reference was never recorded (the API stopped mid-sale): found at the
   * provider by purchase id and settled like any other, or, when there is none, left to the sale to
   * end once its hold is over.
   */
  private async reconcileUnreferenced(): Promise<number> {
    const lost = (await this.ds.query(
      `SELECT id, purchase_id AS "purchaseId", method FROM payments
        WHERE status = 'pending' AND provider_ref IS NULL AND method IN ('stripe', 'paypal') AND created_at < now() - make_interval(mins => $1)
        LIMIT 200`,
      [this.config.payments.reconcileAfterMinutes],
    )) as { id: string; purchaseId: string; method: PaymentMethod }[];
    for (const p of lost) {
      const found = await this.provider(p.method).find(p.purchaseId);
      if (found) {
        await this.ds.query('UPDATE payments SET provider_ref = $2 WHERE id = $1 AND provider_ref IS NULL', [
          p.id,
          found.ref,
        ]);
      }
      const result: SettlementResult =
        found?.status === 'succeeded' ? 'succeeded' : found?.status === 'canceled' ? 'failed' : 'stale';
      for (const listener of this.listeners)
        await listener({ purchaseId: p.purchaseId, paymentId: p.id, ref: found?.ref ?? '', result });
    }
    return lost.length;
  }

  /**
   * Stops a pending payment at its provider so that no later attempt can take the money. Answers
   * 'canceled', or what the payment became meanwhile ('succeeded', or 'pending' if it cannot be stopped now).
   */
  async cancelPending(paymentId: string): Promise<RemoteStatus> {
    const [payment] = (await this.ds.query('SELECT method, status, provider_ref AS ref FROM payments WHERE id = $1', [
      paymentId,
    ])) as { method: PaymentMethod; status: string; ref: string | null }[];
    if (!payment || payment.status !== 'pending') return 'canceled';
    return payment.ref ? this.provider(payment.method).cancel(payment.ref) : 'canceled';
  }

  /** The secret the buyer's browser needs to pay the purchase's pending payment again; null when it cannot. */
  async resume(purchaseId: string): Promise<{ method: PaymentMethod; clientSecret: string } | null> {
    const payment = await this.forPurchase(purchaseId);
    if (!payment || payment.status !== 'pending' || !payment.providerRef) return null;
    const clientSecret = await this.provider(payment.method).resume(payment.providerRef);
    return clientSecret ? { method: payment.method, clientSecret } : null;
  }

  /** PayPal: the buyer approved the order in PayPal's window; capture it and settle. */
  async capturePayPal(purchaseId: string): Promise<void> {
    const payment = await this.forPurchase(purchaseId);
    if (!payment || payment.method !== 'paypal' || !payment.providerRef) {
      throw new DomainError('unprocessable', 'NOT_A_PAYPAL_PAYMENT', 'This purchase is not paid with PayPal.');
    }
    if (payment.status !== 'pending') return;
    const paypal = this.provider('paypal') as PayPalProvider;
    const remote = await paypal.capture(payment.providerRef);
    if (remote === 'pending') {
      throw new DomainError('conflict', 'PAYMENT_NOT_APPROVED', 'The buyer has not approved the PayPal order yet.');
    }
    await this.settle(payment.providerRef, remote === 'succeeded' ? 'succeeded' : 'failed', 'paypal');
  }

  private async settle(ref: string, result: SettlementResult, method: PaymentMethod, reason?: string): Promise<void> {
    const [payment] = (await this.ds.query(
      'SELECT id, purchase_id AS "purchaseId" FROM payments WHERE method = $2 AND provider_ref = $1',
      [ref, method],
    )) as { id: string; purchaseId: string }[];
    if (!payment) return; // not ours, or the purchase never recorded its reference: reconciliation finds it
    for (const listener of this.listeners)
      await listener({ purchaseId: payment.purchaseId, paymentId: payment.id, ref, result, reason });
  }
}
