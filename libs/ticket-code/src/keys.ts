// Ed25519 event keys through WebCrypto (Node 20+ and current browsers). Keys travel as base64url of
// the raw 32-byte public key and the raw 32-byte private seed (RFC 8032), the most compact forms
// both platforms can import.
import { fromBase64Url, fromHex, keyBytes, toBase64Url } from './bytes.js';

type Subtle = typeof globalThis.crypto.subtle;
/** A WebCrypto key (CryptoKey), named without relying on the DOM or Node type libraries. */
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;
/** A private key: the 32-byte seed as bytes or base64url, or a key from importPrivateKey. */
export type PrivateKeyInput = string | Uint8Array | WebCryptoKey;
/** A public key: the raw 32 bytes, or their base64url. */
export type PublicKeyInput = string | Uint8Array;

export const ED25519 = 'Ed25519';
export const KEY_LENGTH = 32;
/** DER header of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
export const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420');

/** A freshly generated event key pair, in raw and base64url forms. */
export interface EventKeyPair {
  /** base64url of the raw 32-byte public key: publish this to scanners. */
  publicKey: string;
  /** base64url of the 32-byte private seed: keep this secret (encrypted at rest). */
  privateKey: string;
  publicKeyBytes: Uint8Array;
  privateKeyBytes: Uint8Array;
}

/** WebCrypto's SubtleCrypto; throws where it is missing (old runtimes, non-HTTPS pages). */
export function subtle(): Subtle {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here (browsers only offer it on HTTPS pages and localhost)');
  return s;
}

/** True when this runtime's WebCrypto can verify Ed25519 signatures. */
export async function supportsEd25519(): Promise<boolean> {
  try {
    await subtle().importKey('raw', new Uint8Array(KEY_LENGTH).fill(1), ED25519, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

/** Wraps a 32-byte seed as PKCS#8 DER, the private format WebCrypto and node:crypto import. */
export function seedToPkcs8(seed: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const raw = keyBytes(seed, KEY_LENGTH, 'An Ed25519 private key');
  const out = new Uint8Array(PKCS8_ED25519_PREFIX.length + KEY_LENGTH);
  out.set(PKCS8_ED25519_PREFIX);
  out.set(raw, PKCS8_ED25519_PREFIX.length);
  return out;
}

/** The 32-byte seed inside an Ed25519 PKCS#8 key. */
export function pkcs8ToSeed(pkcs8: Uint8Array): Uint8Array<ArrayBuffer> {
  const p = PKCS8_ED25519_PREFIX;
  if (pkcs8.length !== p.length + KEY_LENGTH || p.some((b, i) => pkcs8[i] !== b)) {
    throw new TypeError('Not an Ed25519 PKCS#8 private key');
  }
  return new Uint8Array(pkcs8.subarray(p.length));
}

/** Generates a new event key pair. */
export async function generateEventKeyPair(): Promise<EventKeyPair> {
  const s = subtle();
  const pair = (await s.generateKey(ED25519, true, ['sign', 'verify'])) as {
    publicKey: WebCryptoKey;
    privateKey: WebCryptoKey;
  };
  const publicKeyBytes = new Uint8Array(await s.exportKey('raw', pair.publicKey));
  const privateKeyBytes = pkcs8ToSeed(new Uint8Array(await s.exportKey('pkcs8', pair.privateKey)));
  return {
    publicKey: toBase64Url(publicKeyBytes),
    privateKey: toBase64Url(privateKeyBytes),
    publicKeyBytes,
    privateKeyBytes,
  };
}

/** Imports a private seed for signing (not extractable). Import once and reuse for throughput. */
export async function importPrivateKey(seed: string | Uint8Array): Promise<WebCryptoKey> {
  return subtle().importKey('pkcs8', seedToPkcs8(seed), ED25519, false, ['sign']);
}

/** Imports a raw public key (bytes or base64url) for verifying. */
export async function importPublicKey(publicKey: PublicKeyInput): Promise<WebCryptoKey> {
  return subtle().importKey('raw', keyBytes(publicKey, KEY_LENGTH, 'An Ed25519 public key'), ED25519, true, ['verify']);
}

/** The base64url raw form of a public key (an extractable CryptoKey, or raw bytes). */
export async function exportPublicKey(publicKey: WebCryptoKey | Uint8Array): Promise<string> {
  if (publicKey instanceof Uint8Array) return toBase64Url(keyBytes(publicKey, KEY_LENGTH, 'An Ed25519 public key'));
  return toBase64Url(new Uint8Array(await subtle().exportKey('raw', publicKey)));
}

/** The base64url public key belonging to a private seed. */
export async function derivePublicKey(seed: string | Uint8Array): Promise<string> {
  const key = await subtle().importKey('pkcs8', seedToPkcs8(seed), ED25519, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', key);
  const x = typeof jwk.x === 'string' ? fromBase64Url(jwk.x) : null;
  if (!x || x.length !== KEY_LENGTH) throw new Error('WebCrypto returned no Ed25519 public key');
  return toBase64Url(x);
}

/** A private key ready for WebCrypto signing. */
export async function toSigningKey(key: PrivateKeyInput): Promise<WebCryptoKey> {
  return typeof key === 'string' || key instanceof Uint8Array ? importPrivateKey(key) : key;
}
