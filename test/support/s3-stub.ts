import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubObject {
  body: Buffer;
  contentType: string;
  etag: string;
  headers: Record<string, string>;
}

export interface StubRequest {
  method: string;
  key: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  status: number;
}

export interface S3Stub {
  endpoint: string;
  bucket: string;
  /** Stored objects by key. */
  objects: Map<string, StubObject>;
  requests: StubRequest[];
  close(): Promise<void>;
}

/**
 * A local stand-in for an S3-compatible store (no bucket is reachable from tests): one bucket,
 * path-style URLs (`/<bucket>/<key>`), objects in memory, enough PUT, GET and HEAD for the real AWS
 * SDK. Signatures are not checked, but a presigned GET past its `X-Amz-Date` + `X-Amz-Expires`
 * is refused the way S3 refuses it, so link expiry can be tested end to end.
 */
export async function startS3Stub(bucket = 'tessera-test'): Promise<S3Stub> {
  const objects = new Map<string, StubObject>();
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const [, first = '', ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      const reply = respond(
        req.method ?? 'GET',
        decodeURIComponent(first),
        key,
        url.searchParams,
        req,
        Buffer.concat(chunks),
      );
      requests.push({
        method: req.method ?? '',
        key,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        status: reply.status,
      });
      res.writeHead(reply.status, { 'x-amz-request-id': randomBytes(8).toString('hex'), ...reply.headers });
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    });
  });

  function respond(
    method: string,
    target: string,
    key: string,
    query: URLSearchParams,
    req: http.IncomingMessage,
    body: Buffer,
  ): Reply {
    if (target !== bucket) return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.');
    if (!key) return s3Error(400, 'InvalidRequest', 'This stub serves objects only.');
    if (query.has('X-Amz-Signature') && isExpired(query)) return s3Error(403, 'AccessDenied', 'Request has expired');
    switch (method) {
      case 'PUT':
        return put(key, req, body);
      case 'GET':
      case 'HEAD':
        return read(key, query);
      default:
        return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  function put(key: string, req: http.IncomingMessage, body: Buffer): Reply {
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const headers: Record<string, string> = {};
    if (typeof req.headers['cache-control'] === 'string') headers['cache-control'] = req.headers['cache-control'];
    const contentType =
      typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : 'binary/octet-stream';
    objects.set(key, { body, contentType, etag, headers });
    return { status: 200, headers: { etag }, body: '' };
  }

  function read(key: string, query: URLSearchParams): Reply {
    const object = objects.get(key);
    if (!object) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', key);
    const disposition = query.get('response-content-disposition');
    return {
      status: 200,
      headers: {
        ...object.headers,
        'content-type': object.contentType,
        'content-length': String(object.body.length),
        etag: object.etag,
        ...(disposition ? { 'content-disposition': disposition } : {}),
      },
      body: object.body,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** `X-Amz-Date` is `YYYYMMDDTHHMMSSZ`; the link is good for `X-Amz-Expires` seconds from then. */
function isExpired(query: URLSearchParams): boolean {
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(query.get('X-Amz-Date') ?? '');
  const expires = Number(query.get('X-Amz-Expires'));
  if (!date || !Number.isFinite(expires)) return true;
  const [, y, mo, d, h, mi, s] = date.map(Number);
  return Date.now() > Date.UTC(y, mo - 1, d, h, mi, s) + expires * 1000;
}

function s3Error(status: number, code: string, message: string, key?: string): Reply {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message>${key ? `<Key>${escapeXml(key)}</Key>` : ''}` +
    `<RequestId>${randomBytes(8).toString('hex')}</RequestId></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
