import {
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  PaymentsController,
} from '@paypal/paypal-server-sdk';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { DomainError } from '../../platform/http/domain-error.js';
import type { ChargeRequest, ChargeResult, PaymentProvider, RemoteStatus } from './payment-provider.js';

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  environment: 'sandbox' | 'production';
  /** Send every PayPal call to this origin instead (a PayPal-compatible stand-in, as the tests use). */
  proxyUrl: string | null;
}

/** An agent that opens every connection to `target` (plain HTTP for http:, TLS for https:), whatever the URL's host. */
function redirectAgent(target: URL): https.Agent {
  const agent = new https.Agent({ keepAlive: true });
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  (
    agent as unknown as { createConnection: (o: tls.ConnectionOptions, cb?: () => void) => net.Socket }
  ).createConnection = (options, callback) =>
    target.protocol === 'https:'
      ? tls.connect({ ...options, host: target.hostname, port, servername: target.hostname }, callback)
      : net.connect({ host: target.hostname, port }, callback);
  return agent;
}

const decimals = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
const toValue = (amount: number, currency: string) => (amount / 10 ** decimals(currency)).toFixed(decimals(currency));

/**
 * PayPal through the Orders API (@paypal/paypal-server-sdk): an order per purchase, approved by
 * the buyer in PayPal's own window, captured by `capture()`; the purchase id is the request id.
 */
export class PayPalProvider implements PaymentProvider {
  readonly method = 'paypal' as const;
  readonly local = false;
  private readonly orders: OrdersController;
  private readonly payments: PaymentsController;

  constructor(settings: PayPalSettings) {
    const proxy = settings.proxyUrl ? new URL(settings.proxyUrl) : null;
    const client = new Client({
      clientCredentialsAuthCredentials: { oAuthClientId: settings.clientId, oAuthClientSecret: settings.clientSecret },
      environment: settings.environment === 'production' ? Environment.Production : Environment.Sandbox,
      timeout: 15_000,
      ...(proxy ? { httpClientOptions: { httpsAgent: redirectAgent(proxy), timeout: 15_000 } } : {}),
    });
    this.orders = new OrdersController(client);
    this.payments = new PaymentsController(client);
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    try {
      const { result } = await this.orders.createOrder({
        body: {
          intent: CheckoutPaymentIntent.Capture,
          purchaseUnits: [
            {
              customId: request.purchaseId,
              description: request.description.slice(0, 127),
              amount: { currencyCode: request.currency, value: toValue(request.amount, request.currency) },
            },
          ],
        },
        paypalRequestId: `purchase-${request.purchaseId}`,
        prefer: 'return=representation',
      });
      if (!result.id) throw new Error('PayPal answered without an order id');
      if (result.status === 'COMPLETED') return { status: 'succeeded', ref: result.id };
      // The order id is what PayPal's buttons need to let the buyer approve it.
      return { status: 'pending', ref: result.id, clientSecret: result.id };
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** Captures an approved order; 'succeeded' when the money moved. */
  async capture(orderId: string): Promise<RemoteStatus> {
    try {
      const { result } = await this.orders.captureOrder({
        id: orderId,
        paypalRequestId: `capture-${orderId}`,
        prefer: 'return=representation',
      });
      return result.status === 'COMPLETED' ? 'succeeded' : result.status === 'VOIDED' ? 'canceled' : 'pending';
    } catch (error) {
      const { statusCode, body } = error as { statusCode?: number; body?: unknown };
      // Not approved yet is not a failure: the buyer may still approve it in PayPal's window.
      if (statusCode === 422) return String(body ?? '').includes('ORDER_NOT_APPROVED') ? 'pending' : 'failed';
      throw unavailable(error);
    }
  }

  async refund(ref: string, amount: number, idempotencyKey: string): Promise<void> {
    try {
      const { result } = await this.orders.getOrder({ id: ref });
      const capture = result.purchaseUnits?.[0]?.payments?.captures?.[0];
      if (!capture?.id) throw new Error('no capture to refund');
      const currency = capture.amount?.currencyCode ?? 'EUR';
      await this.payments.refundCapturedPayment({
        captureId: capture.id,
        paypalRequestId: `refund-${idempotencyKey}`,
        body: { amount: { currencyCode: currency, value: toValue(amount, currency) } },
      });
    } catch (error) {
      throw unavailable(error);
    }
  }

  async status(ref: string): Promise<RemoteStatus> {
    const { result } = await this.orders.getOrder({ id: ref });
    if (result.status === 'COMPLETED') return 'succeeded';
    if (result.status === 'VOIDED') return 'canceled';
    if (result.status === 'APPROVED') return this.capture(ref);
    return 'pending';
  }

  /** Money moves only when this API captures an order, so an order not captured yet is simply never captured. */
  async cancel(ref: string): Promise<RemoteStatus> {
    try {
      const { result } = await this.orders.getOrder({ id: ref });
      return result.status === 'COMPLETED' ? 'succeeded' : 'canceled';
    } catch (error) {
      throw unavailable(error);
    }
  }

  /**
   * Orders cannot be searched; none is reported. Money moves only when this API captures an order,
   * so an order whose id was never recorded is simply never captured.
   */
  async find(): Promise<null> {
    return null;
  }

  /** The order id while the buyer can still approve it in PayPal's window (or it waits for its capture). */
  async resume(ref: string): Promise<string | null> {
    try {
      const { result } = await this.orders.getOrder({ id: ref });
      return result.status === 'CREATED' || result.status === 'PAYER_ACTION_REQUIRED' || result.status === 'APPROVED'
        ? ref
        : null;
    } catch (error) {
      throw unavailable(error);
    }
  }
}

const unavailable = (error: unknown) =>
  new DomainError(
    'unavailable',
    'PAYMENT_PROVIDER_UNAVAILABLE',
    'PayPal did not answer; nothing was charged. Try again.',
    {
      retryAfterSeconds: 5,
      provider: 'paypal',
      reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    },
  );
