import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface StubIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: null | { code: string };
}

const signer = new Stripe('sk_test_stub', { telemetry: false });

/**
 * A local stand-in for Stripe's API (its servers are not reachable from tests): enough of
 * /v1/payment_intents (create, retrieve, search by purchase id, cancel) and /v1/refunds for the real `stripe` SDK, with Idempotency-Key replay.
 */
export class StripeStub {
  readonly intents = new Map<string, StubIntent>();
  readonly refunds: { id: string; payment_intent: string; amount: number }[] = [];
  private readonly idempotent = new Map<string, string>();
  private server: http.Server | null = null;
  failNext = false;
  /** While true, refunds answer 500 (Stripe having an outage), after the SDK's retries too. */
  refundsDown = false;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => this.handle(req, res, new URLSearchParams(body)));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private send(res: http.ServerResponse, status: number, body: unknown) {
    res
      .writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` })
      .end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams) {
    if (this.failNext) {
      this.failNext = false;
      return this.send(res, 500, { error: { type: 'api_error', message: 'stub failure' } });
    }
    const key = req.headers['idempotency-key'];
    const url = new URL(req.url ?? '/', 'http://stub');
    if (req.method === 'POST' && url.pathname === '/v1/payment_intents') {
      if (typeof key === 'string' && this.idempotent.has(key))
        return this.send(res, 200, this.intents.get(this.idempotent.get(key) as string));
      const pm = form.get('payment_method');
      if (pm === 'pm_card_chargeDeclined') {
        return this.send(res, 402, {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          },
        });
      }
      const id = `pi_${randomBytes(8).toString('hex')}`;
      const intent: StubIntent = {
        id,
        object: 'payment_intent',
        amount: Number(form.get('amount')),
        currency: form.get('currency') ?? 'eur',
        status: pm && form.get('confirm') === 'true' ? 'succeeded' : 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(6).toString('hex')}`,
        metadata: { purchaseId: form.get('metadata[purchaseId]') ?? '' },
        last_payment_error: null,
      };
      this.intents.set(id, intent);
      if (typeof key === 'string') this.idempotent.set(key, id);
      return this.send(res, 200, intent);
    }
    if (req.method === 'GET' && url.pathname === '/v1/payment_intents/search') {
      // Only the query the API sends: metadata['purchaseId']:'<id>'.
      const wanted = /^metadata\['purchaseId'\]:'([^']+)'$/.exec(url.searchParams.get('query') ?? '')?.[1];
      const data = [...this.intents.values()].filter((i) => wanted && i.metadata.purchaseId === wanted);
      return this.send(res, 200, {
        object: 'search_result',
        data,
        has_more: false,
        next_page: null,
        url: url.pathname,
      });
    }
    const intentMatch = /^\/v1\/payment_intents\/(pi_[a-f0-9]+)$/.exec(url.pathname);
    if (req.method === 'GET' && intentMatch) {
      const intent = this.intents.get(intentMatch[1]);
      return intent
        ? this.send(res, 200, intent)
        : this.send(res, 404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
    }
    const cancelMatch = /^\/v1\/payment_intents\/(pi_[a-f0-9]+)\/cancel$/.exec(url.pathname);
    if (req.method === 'POST' && cancelMatch) {
      const intent = this.intents.get(cancelMatch[1]);
      if (!intent)
        return this.send(res, 404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
      if (intent.status === 'succeeded' || intent.status === 'canceled' || intent.status === 'processing') {
        return this.send(res, 400, {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `This PaymentIntent's status is ${intent.status}.`,
          },
        });
      }
      intent.status = 'canceled';
      return this.send(res, 200, intent);
    }
    if (req.method === 'POST' && url.pathname === '/v1/refunds' && this.refundsDown)
      return this.send(res, 500, { error: { type: 'api_error', message: 'stub outage' } });
    if (req.method === 'POST' && url.pathname === '/v1/refunds') {
      const refund = {
        id: `re_${randomBytes(8).toString('hex')}`,
        object: 'refund',
        payment_intent: form.get('payment_intent') ?? '',
        amount: Number(form.get('amount')),
        status: 'succeeded',
      };
      if (!(typeof key === 'string' && this.idempotent.has(key))) this.refunds.push(refund);
      if (typeof key === 'string') this.idempotent.set(key, refund.id);
      return this.send(res, 200, refund);
    }
    return this.send(res, 404, {
      error: { type: 'invalid_request_error', message: `No route ${req.method} ${url.pathname}` },
    });
  }

  /** A webhook event about one of the stand-in's intents, signed with `secret` as Stripe signs it. */
  signedEvent(
    type: string,
    intentId: string,
    secret: string,
    eventId = `evt_${randomUUID()}`,
  ): { payload: string; signature: string } {
    const payload = JSON.stringify({
      id: eventId,
      object: 'event',
      type,
      data: { object: { ...this.intents.get(intentId), id: intentId } },
    });
    return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
