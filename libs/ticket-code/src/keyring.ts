// The public keys a verifier trusts, by key id. Retired keys still verify (tickets already issued
// under them stay good) until they are removed.
import { isUuid, keyBytes, toBase64Url } from './bytes.js';
import { assertKeyId } from './format.js';
import { importPublicKey, KEY_LENGTH, type PublicKeyInput, type WebCryptoKey } from './keys.js';

/** One trusted key as it is stored and sent to scanners (JSON-safe). */
export interface KeyringEntryInput {
  keyId: number;
  /** Raw 32-byte Ed25519 public key, as bytes or base64url. */
  publicKey: PublicKeyInput;
  /** When set, the key only vouches for codes of this event. */
  eventId?: string | null;
  /** A retired key signs nothing new but still verifies. */
  retired?: boolean;
}

export interface KeyringEntry {
  readonly keyId: number;
  /** base64url of the raw public key. */
  readonly publicKey: string;
  readonly publicKeyBytes: Uint8Array;
  readonly eventId: string | null;
  readonly retired: boolean;
}

interface Slot {
  entry: KeyringEntry;
  webKey?: Promise<WebCryptoKey>;
}

function toEntry(input: KeyringEntryInput): KeyringEntry {
  assertKeyId(input.keyId);
  const bytes = keyBytes(input.publicKey, KEY_LENGTH, 'An Ed25519 public key');
  const eventId = input.eventId ?? null;
  if (eventId !== null && !isUuid(eventId)) throw new TypeError('eventId must be a UUID');
  return Object.freeze({
    keyId: input.keyId,
    publicKey: toBase64Url(bytes),
    publicKeyBytes: bytes,
    eventId: eventId?.toLowerCase() ?? null,
    retired: input.retired === true,
  });
}

/** Key ids mapped to public keys. Imported WebCrypto keys are cached per entry. */
export class Keyring {
  private readonly slots = new Map<number, Slot>();

  constructor(entries: Iterable<KeyringEntryInput> = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Builds a keyring from `[{ keyId, publicKey, eventId?, retired? }]` or `{ keys: [...] }`. */
  static fromJSON(json: readonly KeyringEntryInput[] | { keys: readonly KeyringEntryInput[] }): Keyring {
    const list = Array.isArray(json) ? json : (json as { keys: readonly KeyringEntryInput[] }).keys;
    if (!Array.isArray(list)) throw new TypeError('A keyring is a list of keys');
    return new Keyring(list);
  }

  /** Adds a key, or replaces the key with the same id. */
  add(input: KeyringEntryInput): this {
    this.slots.set(input.keyId, { entry: toEntry(input) });
    return this;
  }

  /** Marks a key retired: it still verifies. Returns false for an unknown id. */
  retire(keyId: number): boolean {
    const slot = this.slots.get(keyId);
    if (!slot) return false;
    slot.entry = Object.freeze({ ...slot.entry, retired: true });
    return true;
  }

  /** Removes a key: codes signed with it fail with 'unknown_key'. */
  remove(keyId: number): boolean {
    return this.slots.delete(keyId);
  }

  get(keyId: number): KeyringEntry | undefined {
    return this.slots.get(keyId)?.entry;
  }

  has(keyId: number): boolean {
    return this.slots.has(keyId);
  }

  get size(): number {
    return this.slots.size;
  }

  entries(): KeyringEntry[] {
    return [...this.slots.values()].map((s) => s.entry);
  }

  /** The WebCrypto key for an id (imported once), or undefined for an unknown id. */
  webCryptoKey(keyId: number): Promise<WebCryptoKey> | undefined {
    const slot = this.slots.get(keyId);
    if (!slot) return undefined;
    slot.webKey ??= importPublicKey(slot.entry.publicKeyBytes);
    return slot.webKey;
  }

  toJSON(): { keyId: number; publicKey: string; eventId: string | null; retired: boolean }[] {
    return this.entries().map(({ keyId, publicKey, eventId, retired }) => ({ keyId, publicKey, eventId, retired }));
  }
}
