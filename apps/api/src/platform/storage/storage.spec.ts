import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startS3Stub, type S3Stub } from '../../../../../test/support/s3-stub.js';
import { assertStorageKey } from './file-storage.js';
import { LocalFileStorage, signFileUrl, verifyFileSignature } from './local-storage.js';
import { S3FileStorage } from './s3-storage.js';

const KEY = 'tickets/f47ac10b-58cc-4372-a567-0e02b2c3d479/0b6f0d1e-7a2c-4f1e-9c3d-5e8a1b2c3d4e/9f86d081884c7d65-a4.pdf';
const PDF = Buffer.from('%PDF-1.3\n% a ticket\n%%EOF\n');
const BAD_KEYS = [
  '../etc/passwd',
  'tickets/../../secret.pdf',
  '/tickets/a.pdf',
  'tickets//a.pdf',
  'tickets/a b.pdf',
  'tickets/a.pdf?x=1',
  'tickets\\a.pdf',
  'tickets/é.pdf',
  '',
  'tickets/',
  './tickets/a.pdf',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('storage keys', () => {
  it('accepts ticket file keys', () => {
    expect(() => assertStorageKey(KEY)).not.toThrow();
    expect(() => assertStorageKey('tickets/e/t/abc.qr.svg')).not.toThrow();
  });

  it.each(BAD_KEYS)('refuses %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow(/Invalid storage key/);
  });
});

describe('LocalFileStorage', () => {
  const secret = randomBytes(32);
  let dir: string;
  let storage: LocalFileStorage;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-storage-'));
    storage = new LocalFileStorage(dir, secret, 'https://tickets.example.org/');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores and reads back a file, typed by its extension', async () => {
    expect(await storage.exists(KEY)).toBe(false);
    expect(await storage.get(KEY)).toBeNull();
    await storage.put(KEY, PDF, 'application/pdf');
    expect(await storage.exists(KEY)).toBe(true);
    expect(await storage.get(KEY)).toEqual({ body: PDF, contentType: 'application/pdf' });

    await storage.put('tickets/e/t/x.qr.png', Buffer.from([0x89]), 'image/png');
    await storage.put('tickets/e/t/x.qr.svg', Buffer.from('<svg/>'), 'image/svg+xml');
    await storage.put('tickets/e/t/x.bin', Buffer.from([0]), 'application/x-whatever');
    expect((await storage.get('tickets/e/t/x.qr.png'))?.contentType).toBe('image/png');
    expect((await storage.get('tickets/e/t/x.qr.svg'))?.contentType).toBe('image/svg+xml');
    expect((await storage.get('tickets/e/t/x.bin'))?.contentType).toBe('application/octet-stream');
  });

  it('treats a folder as no file', async () => {
    expect(await storage.exists('tickets')).toBe(false);
    expect(await storage.get('tickets')).toBeNull();
  });

  it('replaces files whole and leaves no temporary files behind', async () => {
    const key = 'tickets/e/replaced/file.pdf';
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(versions.map((body) => storage.put(key, body, 'application/pdf')));
    const stored = (await storage.get(key))?.body;
    expect(versions.some((v) => stored?.equals(v))).toBe(true);
    expect(await readdir(join(dir, 'tickets/e/replaced'))).toEqual(['file.pdf']);
  });

  it.each(BAD_KEYS)('refuses the key %j', async (key) => {
    await expect(storage.put(key, PDF, 'application/pdf')).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.exists(key)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.signedUrl(key, { expiresInSeconds: 60 })).rejects.toThrow(/Invalid storage key/);
  });

  it('signs links that verify until they expire', async () => {
    const before = Math.floor(Date.now() / 1000);
    const url = new URL(await storage.signedUrl(KEY, { expiresInSeconds: 300, filename: 'ticket-0b6f0d1e.pdf' }));
    expect(`${url.origin}${url.pathname}`).toBe(`https://tickets.example.org/api/files/${KEY}`);
    const expires = Number(url.searchParams.get('expires'));
    const sig = url.searchParams.get('sig') ?? '';
    const filename = url.searchParams.get('filename') ?? undefined;
    expect(expires - before).toBeGreaterThanOrEqual(300);
    expect(expires - before).toBeLessThanOrEqual(301);
    expect(filename).toBe('ticket-0b6f0d1e.pdf');
    expect(sig).toBe(signFileUrl(secret, KEY, expires, filename));

    expect(verifyFileSignature(secret, KEY, expires, sig, filename)).toBe('ok');
    expect(verifyFileSignature(secret, KEY, expires, sig, filename, expires * 1000 - 1)).toBe('ok');
    expect(verifyFileSignature(secret, KEY, expires, sig, filename, expires * 1000)).toBe('expired');
  });

  it('omits the filename when none is asked for', async () => {
    const url = new URL(await storage.signedUrl(KEY, { expiresInSeconds: 60 }));
    expect(url.searchParams.has('filename')).toBe(false);
    const expires = Number(url.searchParams.get('expires'));
    expect(verifyFileSignature(secret, KEY, expires, url.searchParams.get('sig') ?? '')).toBe('ok');
  });

  it('calls any altered link invalid', () => {
    const expires = Math.floor(Date.now() / 1000) + 300;
    const sig = signFileUrl(secret, KEY, expires, 'a.pdf');
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    const lastChar = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect(verifyFileSignature(secret, KEY, expires, sig, 'a.pdf')).toBe('ok');
    expect(verifyFileSignature(secret, KEY.replace('a4', 'thermal'), expires, sig, 'a.pdf')).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, expires + 1, sig, 'a.pdf')).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, expires, sig, 'b.pdf')).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, expires, sig)).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, expires, flipped, 'a.pdf')).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, expires, lastChar, 'a.pdf')).toBe('invalid');
    expect(verifyFileSignature(randomBytes(32), KEY, expires, sig, 'a.pdf')).toBe('invalid');
  });

  it('calls malformed input invalid, not expired', () => {
    const sig = signFileUrl(secret, KEY, 100, undefined);
    expect(verifyFileSignature(secret, KEY, 100, sig)).toBe('expired');
    expect(verifyFileSignature(secret, KEY, Number(undefined), sig)).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, 1.5, sig)).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, -1, sig)).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, 100, '')).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, 100, `${sig}=`)).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, 100, sig.slice(1))).toBe('invalid');
    expect(verifyFileSignature(secret, KEY, 100, 'é'.repeat(43))).toBe('invalid');
  });
});

describe('S3FileStorage', () => {
  let stub: S3Stub;
  let storage: S3FileStorage;

  beforeAll(async () => {
    stub = await startS3Stub();
    storage = new S3FileStorage({
      bucket: stub.bucket,
      region: 'us-east-1',
      endpoint: stub.endpoint,
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    await stub.close();
  });

  it('stores an object with its type and an immutable cache header', async () => {
    await storage.put(KEY, PDF, 'application/pdf');
    const object = stub.objects.get(KEY);
    expect(object?.body.equals(PDF)).toBe(true);
    expect(object?.contentType).toBe('application/pdf');
    expect(object?.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(stub.requests.at(-1)).toMatchObject({ method: 'PUT', key: KEY, status: 200 });
  });

  it('reads it back and tells whether it exists', async () => {
    await storage.put(KEY, PDF, 'application/pdf');
    expect(await storage.get(KEY)).toEqual({ body: PDF, contentType: 'application/pdf' });
    expect(await storage.exists(KEY)).toBe(true);
    expect(stub.requests.at(-1)).toMatchObject({ method: 'HEAD', key: KEY, status: 200 });
  });

  it('answers null and false for a missing object', async () => {
    const missing = 'tickets/e/t/missing.pdf';
    expect(await storage.get(missing)).toBeNull();
    expect(stub.requests.at(-1)).toMatchObject({ method: 'GET', key: missing, status: 404 });
    expect(await storage.exists(missing)).toBe(false);
    expect(stub.requests.at(-1)).toMatchObject({ method: 'HEAD', key: missing, status: 404 });
  });

  it('refuses bad keys before any request', async () => {
    const count = stub.requests.length;
    await expect(storage.put('../x.pdf', PDF, 'application/pdf')).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get('/x.pdf')).rejects.toThrow(/Invalid storage key/);
    await expect(storage.signedUrl('a b.pdf', { expiresInSeconds: 60 })).rejects.toThrow(/Invalid storage key/);
    expect(stub.requests).toHaveLength(count);
  });

  it('presigns a link that serves the file without credentials', async () => {
    await storage.put(KEY, PDF, 'application/pdf');
    const url = await storage.signedUrl(KEY, { expiresInSeconds: 300, filename: 'ticket "1".pdf' });
    expect(url.startsWith(`${stub.endpoint}/${stub.bucket}/tickets/`)).toBe(true);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('300');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="ticket__1_.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('has an expired link refused', async () => {
    await storage.put(KEY, PDF, 'application/pdf');
    const url = await storage.signedUrl(KEY, { expiresInSeconds: 1 });
    await sleep(2_100);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).toContain('Request has expired');
  });
});
