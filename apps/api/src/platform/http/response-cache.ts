import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface Entry {
  body: Buffer;
  /** Flat [name, value, ...] list, ready for writeHead (cheaper than an object per hit). */
  headers: string[];
  expiresAt: number;
}

/** Headers that belong to one response, never replayed from the cache. */
const PER_RESPONSE = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-request-id',
  'x-cache',
  'set-cookie',
]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const CACHEABLE = Symbol('cacheable');
// Request ids for hits: unique per process without the cost of a UUID per request.
const ID_PREFIX = randomUUID().slice(0, 8);
let idCounter = 0;

/** Decides whether a cached answer may go out; false means "let the full pipeline answer" (e.g. to send a 429). */
export type AdmitCheck = (req: IncomingMessage) => Promise<boolean>;

/**
 * A one-second micro-cache for anonymous reads of the public catalog, in front of the framework:
 * a hit is written straight to the socket, so a flash sale's browsing load costs about what a bare
 * route costs, and reaches the database at most once a second per URL and instance. Only 200
 * answers are kept, keyed by URL and Origin, with the headers the full pipeline set (security,
 * CORS). Requests with credentials always go through. The rate limit still counts every hit.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAge: number;
  admit: AdmitCheck | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly match: RegExp,
    private readonly maxEntries = 10_000,
  ) {
    this.maxAge = Math.max(1, Math.floor(ttlMs / 1000));
  }

  private cacheable(method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): boolean {
    return (
      this.ttlMs > 0 &&
      method === 'GET' &&
      !headers.authorization &&
      !headers['x-api-key'] &&
      this.match.test(url ?? '')
    );
  }

  /** An http.Server whose request handler answers cache hits and hands the rest to Fastify. */
  serverFactory = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
    http.createServer((req, res) => {
      if (!this.cacheable(req.method, req.url, req.headers)) return handler(req, res);
      const hit = this.entries.get(`${req.url}\n${req.headers.origin ?? ''}`);
      if (!hit || hit.expiresAt <= Date.now()) return handler(req, res);
      if (!this.admit) return this.send(req, res, hit);
      this.admit(req).then(
        (ok) => (ok ? this.send(req, res, hit) : handler(req, res)),
        () => handler(req, res),
      );
    });

  private send(req: IncomingMessage, res: ServerResponse, hit: Entry): void {
    const given = req.headers['x-request-id'];
    const id =
      typeof given === 'string' && REQUEST_ID.test(given) ? given : `${ID_PREFIX}-c${(idCounter++).toString(36)}`;
    res.writeHead(200, [...hit.headers, 'x-request-id', id]);
    res.end(hit.body);
  }

  /** Fills the cache from answers of the full pipeline. */
  register(fastify: FastifyInstance): void {
    if (this.ttlMs <= 0) return;
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (this.cacheable(request.method, request.url, request.headers))
        (request as unknown as Record<symbol, boolean>)[CACHEABLE] = true;
      done();
    });
    fastify.addHook('onSend', (request: FastifyRequest, reply, payload, done) => {
      if (
        !(request as unknown as Record<symbol, boolean>)[CACHEABLE] ||
        reply.statusCode !== 200 ||
        typeof payload !== 'string'
      ) {
        done(null, payload);
        return;
      }
      void reply.header('cache-control', `public, max-age=${this.maxAge}`).header('x-cache', 'miss');
      const body = Buffer.from(payload);
      const headers: string[] = ['content-length', String(body.length), 'x-cache', 'hit'];
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined && !PER_RESPONSE.has(name))
          headers.push(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(`${request.url}\n${request.headers.origin ?? ''}`, {
        body,
        headers,
        expiresAt: Date.now() + this.ttlMs,
      });
      done(null, payload);
    });
    // A successful write on this instance may change what readers see: start afresh at once
    // (other instances converge within the TTL).
    fastify.addHook('onResponse', (request, reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400 && this.entries.size > 0)
        this.entries.clear();
      done();
    });
  }
}
