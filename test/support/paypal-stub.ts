import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface StubOrder {
  id: string;
  status: 'CREATED' | 'APPROVED' | 'COMPLETED' | 'VOIDED';
  intent: string;
  purchase_units: {
    custom_id: string;
    amount: { currency_code: string; value: string };
    payments?: { captures: { id: string; status: string; amount: { currency_code: string; value: string } }[] };
  }[];
}

/**
 * A local stand-in for PayPal's REST API (its servers are not reachable from tests). The SDK sends
 * every call through it as an HTTP forward proxy (absolute request URLs), so the real client runs.
 */
export class PayPalStub {
  readonly orders = new Map<string, StubOrder>();
  readonly refunds: { captureId: string; value: string }[] = [];
  readonly seenHosts = new Set<string>();
  private readonly requestIds = new Map<string, unknown>();
  private server: http.Server | null = null;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  approve(orderId: string) {
    const order = this.orders.get(orderId);
    if (order) order.status = 'APPROVED';
  }

  private send(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'https://api-m.sandbox.paypal.com');
    this.seenHosts.add(url.host);
    const requestId = req.headers['paypal-request-id'];
    if (typeof requestId === 'string' && this.requestIds.has(requestId))
      return this.send(res, 200, this.requestIds.get(requestId));
    const remember = (body: unknown) => {
      if (typeof requestId === 'string') this.requestIds.set(requestId, body);
      return body;
    };
    if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') {
      return this.send(res, 200, {
        access_token: `A21${randomBytes(8).toString('hex')}`,
        token_type: 'Bearer',
        expires_in: 32400,
        scope: '',
      });
    }
    if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
      return this.send(res, 401, { name: 'AUTHENTICATION_FAILURE' });
    if (req.method === 'POST' && url.pathname === '/v2/checkout/orders') {
      const body = JSON.parse(raw) as { intent: string; purchase_units: StubOrder['purchase_units'] };
      const order: StubOrder = {
        id: randomBytes(8).toString('hex').toUpperCase(),
        status: 'CREATED',
        intent: body.intent,
        purchase_units: body.purchase_units,
      };
      this.orders.set(order.id, order);
      return this.send(res, 201, remember(order));
    }
    const capture = /^\/v2\/checkout\/orders\/([A-Z0-9]+)\/capture$/.exec(url.pathname);
    if (req.method === 'POST' && capture) {
      const order = this.orders.get(capture[1]);
      if (!order) return this.send(res, 404, { name: 'RESOURCE_NOT_FOUND' });
      if (order.status === 'CREATED')
        return this.send(res, 422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }] });
      if (order.status === 'APPROVED') {
        order.status = 'COMPLETED';
        const unit = order.purchase_units[0];
        unit.payments = {
          captures: [
            { id: `CAP${randomBytes(6).toString('hex').toUpperCase()}`, status: 'COMPLETED', amount: unit.amount },
          ],
        };
      }
      return this.send(res, 201, remember(order));
    }
    const get = /^\/v2\/checkout\/orders\/([A-Z0-9]+)$/.exec(url.pathname);
    if (req.method === 'GET' && get) {
      const order = this.orders.get(get[1]);
      return order ? this.send(res, 200, order) : this.send(res, 404, { name: 'RESOURCE_NOT_FOUND' });
    }
    const refund = /^\/v2\/payments\/captures\/([A-Z0-9]+)\/refund$/.exec(url.pathname);
    if (req.method === 'POST' && refund) {
      const body = JSON.parse(raw || '{}') as { amount?: { value: string } };
      this.refunds.push({ captureId: refund[1], value: body.amount?.value ?? 'full' });
      return this.send(
        res,
        201,
        remember({ id: `REF${randomBytes(6).toString('hex').toUpperCase()}`, status: 'COMPLETED' }),
      );
    }
    return this.send(res, 404, { name: 'RESOURCE_NOT_FOUND', message: `${req.method} ${url.pathname}` });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
