import Stripe from 'stripe';
import { DomainError } from '../../platform/http/domain-error.js';
import type { ChargeRequest, ChargeResult, PaymentProvider, RemoteStatus } from './payment-provider.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  apiUrl: string | null;
}

/** Intent states in which the buyer can still pay (after a declined card, or before a first try). */
const PAYABLE = new Set<Stripe.PaymentIntent.Status>([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
]);

/** Stripe through its SDK: a PaymentIntent per purchase, the purchase id as idempotency key. */
export class StripeProvider implements PaymentProvider {
  readonly method = 'stripe' as const;
  readonly local = false;
  readonly client: Stripe;

  constructor(private readonly settings: StripeSettings) {
    const api = settings.apiUrl ? new URL(settings.apiUrl) : null;
    this.client = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      telemetry: false,
      timeout: 15_000,
      ...(api
        ? {
            host: api.hostname,
            port: api.port || (api.protocol === 'https:' ? 443 : 80),
            protocol: api.protocol.replace(':', '') as 'http' | 'https',
          }
        : {}),
    });
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    try {
      const intent = await this.client.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          description: request.description,
          metadata: { purchaseId: request.purchaseId },
          ...(request.token
            ? { payment_method: request.token, confirm: true }
            : { automatic_payment_methods: { enabled: true } }),
        },
        { idempotencyKey: `purchase-${request.purchaseId}` },
      );
      if (intent.status === 'succeeded') return { status: 'succeeded', ref: intent.id };
      if (intent.status === 'canceled') return { status: 'declined', ref: intent.id, failureCode: 'canceled' };
      return { status: 'pending', ref: intent.id, clientSecret: intent.client_secret };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        return { status: 'declined', ref: null, failureCode: error.code ?? 'card_declined' };
      }
      throw unavailable(error);
    }
  }

  async refund(ref: string, amount: number, idempotencyKey: string): Promise<void> {
    try {
      await this.client.refunds.create({ payment_intent: ref, amount }, { idempotencyKey: `refund-${idempotencyKey}` });
    } catch (error) {
      throw unavailable(error);
    }
  }

  async status(ref: string): Promise<RemoteStatus> {
    const intent = await this.client.paymentIntents.retrieve(ref);
    if (intent.status === 'succeeded') return 'succeeded';
    if (intent.status === 'canceled') return 'canceled';
    if (intent.status === 'requires_payment_method' && intent.last_payment_error) return 'failed';
    return 'pending';
  }

  async cancel(ref: string): Promise<RemoteStatus> {
    try {
      const intent = await this.client.paymentIntents.cancel(ref, { cancellation_reason: 'abandoned' });
      return intent.status === 'canceled' ? 'canceled' : 'pending';
    } catch (error) {
      // A succeeded or processing intent cannot be canceled: say what it is instead.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        const now = await this.status(ref);
        return now === 'failed' ? 'pending' : now;
      }
      throw unavailable(error);
    }
  }

  /** The intent's client secret while it still waits for a payment method, a confirmation or an action. */
  async resume(ref: string): Promise<string | null> {
    try {
      const intent = await this.client.paymentIntents.retrieve(ref);
      return PAYABLE.has(intent.status) ? intent.client_secret : null;
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** Searches the intents by the purchase id kept in their metadata. */
  async find(purchaseId: string): Promise<{ ref: string; status: RemoteStatus } | null> {
    const found = await this.client.paymentIntents.search({ query: `metadata['purchaseId']:'${purchaseId}'` });
    const intent = found.data[0];
    return intent ? { ref: intent.id, status: await this.status(intent.id) } : null;
  }

  /** Checks the signature over the raw body; throws 400 WEBHOOK_SIGNATURE_INVALID otherwise. */
  verify(rawBody: Buffer, signature: string | undefined): Stripe.Event {
    if (!signature)
      throw new DomainError('bad_request', 'WEBHOOK_SIGNATURE_INVALID', 'The Stripe-Signature header is missing.');
    try {
      return this.client.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch {
      throw new DomainError('bad_request', 'WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match.');
    }
  }
}

const unavailable = (error: unknown) =>
  new DomainError(
    'unavailable',
    'PAYMENT_PROVIDER_UNAVAILABLE',
    'The payment provider did not answer; nothing was charged. Try again.',
    {
      retryAfterSeconds: 5,
      provider: 'stripe',
      reason: error instanceof Error ? error.name : 'unknown',
    },
  );
