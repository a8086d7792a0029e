import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { assertStorageKey, type FileStorage } from './file-storage.js';

/**
 * Ticket Storage in a local directory, for single-node installs and development. Files are written
 * to a temporary name and renamed into place, so a reader sees the old file or the new one, never
 * half of one. Links point at this API (`/api/files/<key>`) and carry an expiry and an HMAC over
 * key, expiry and download name; FilesController checks them with `verifyFileSignature`.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  private readonly root: string;
  private readonly baseUrl: string;

  constructor(
    dir: string,
    private readonly secret: Buffer,
    publicBaseUrl: string,
  ) {
    this.root = resolve(dir);
    this.baseUrl = publicBaseUrl.replace(/\/+$/, '');
  }

  /** The content type is implied by the key's extension, so `contentType` is not stored. */
  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(body);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<{ body: Buffer; contentType: string } | null> {
    try {
      return { body: await readFile(this.path(key)), contentType: contentTypeOf(key) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async signedUrl(key: string, options: { expiresInSeconds: number; filename?: string }): Promise<string> {
    assertStorageKey(key);
    const expires = Math.floor(Date.now() / 1000) + Math.ceil(options.expiresInSeconds);
    const query = new URLSearchParams({
      expires: String(expires),
      sig: signFileUrl(this.secret, key, expires, options.filename),
    });
    if (options.filename) query.set('filename', options.filename);
    return `${this.baseUrl}/api/files/${key}?${query.toString()}`;
  }

  private path(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return path;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(key: string): string {
  return CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** The `sig` of a local file link: base64url HMAC-SHA256 over `key\nexpires\nfilename`. */
export function signFileUrl(secret: Buffer, key: string, expires: number, filename?: string): string {
  return createHmac('sha256', secret)
    .update(`${key}\n${expires}\n${filename ?? ''}`)
    .digest('base64url');
}

/**
 * Checks a local file link. The signature is judged before the expiry, so an altered link is
 * `invalid` whatever its date; `now` is in milliseconds.
 */
export function verifyFileSignature(
  secret: Buffer,
  key: string,
  expires: number,
  sig: string,
  filename?: string,
  now: number = Date.now(),
): 'ok' | 'expired' | 'invalid' {
  if (!Number.isSafeInteger(expires) || expires < 0 || typeof sig !== 'string' || !SIGNATURE.test(sig)) {
    return 'invalid';
  }
  if (typeof key !== 'string' || (filename !== undefined && typeof filename !== 'string')) return 'invalid';
  // Compared as text, not decoded bytes: base64url has several spellings of the same last byte.
  const expected = Buffer.from(signFileUrl(secret, key, expires, filename));
  if (!timingSafeEqual(Buffer.from(sig), expected)) return 'invalid';
  return Math.floor(now / 1000) >= expires ? 'expired' : 'ok';
}
