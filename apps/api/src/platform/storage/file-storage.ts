/**
 * Ticket Storage: where rendered ticket files (PDFs, QR images) live and how a holder gets a
 * short-lived link to one. Two implementations share this contract: a local directory whose links
 * this API signs and serves itself, and an S3-compatible bucket whose links are presigned URLs.
 * Keys are plain relative paths such as `tickets/<eventId>/<ticketId>/<hash>.pdf`.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none under the key. */
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  exists(key: string): Promise<boolean>;
  /** A link that serves the file without credentials until it expires; `filename` names the download. */
  signedUrl(key: string, options: { expiresInSeconds: number; filename?: string }): Promise<string>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

const KEY = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/**
 * Throws unless the key is a relative path of plain segments: no `..`, no leading or doubled `/`,
 * nothing outside `[A-Za-z0-9._/-]`. Keys become file paths and URL paths, so this is the only
 * thing standing between a key and the rest of the disk.
 */
export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length > 1024 || !KEY.test(key) || key.split('/').some(isDotSegment)) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment.includes('..');
}
