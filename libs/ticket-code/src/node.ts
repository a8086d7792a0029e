// Node-only fast path: synchronous signing and verifying with node:crypto. The browser never
// imports this file; codes and results are identical to the WebCrypto functions in index.ts.
import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { fromHex } from './bytes.js';
import { encodeSignedPart, joinCode, type TicketCodeFields } from './format.js';
import { seedToPkcs8 } from './keys.js';
import type { Keyring } from './keyring.js';
import {
  afterSignature,
  badSignature,
  beforeSignature,
  type Now,
  type VerifiedTicket,
  type VerifyOptions,
} from './rules.js';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32-byte raw key follows. */
const SPKI_ED25519_PREFIX = fromHex('302a300506032b6570032100');

/** A private seed (bytes or base64url) as a node:crypto KeyObject. Create once and reuse. */
export function nodePrivateKey(seed: string | Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(seedToPkcs8(seed)), format: 'der', type: 'pkcs8' });
}

/** A raw 32-byte public key as a node:crypto KeyObject. */
export function nodePublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Public keys by their raw bytes (keyring entries keep the same bytes object when retired). */
const publicKeys = new WeakMap<Uint8Array, KeyObject>();

function publicKeyFor(raw: Uint8Array): KeyObject {
  let key = publicKeys.get(raw);
  if (!key) publicKeys.set(raw, (key = nodePublicKey(raw)));
  return key;
}

/** encodeTicketCode, synchronously through node:crypto. Pass a KeyObject from nodePrivateKey for speed. */
export function encodeTicketCodeSync(
  fields: TicketCodeFields,
  privateKey: string | Uint8Array | KeyObject,
  keyId: number,
): string {
  const signed = encodeSignedPart(fields, keyId);
  const key = privateKey instanceof KeyObject ? privateKey : nodePrivateKey(privateKey);
  return joinCode(signed, sign(null, signed, key));
}

/** verifyTicketCode, synchronously through node:crypto: the same checks, reasons and result. */
export function verifyTicketCodeSync(
  text: string,
  keyring: Keyring,
  now?: Now,
  options: VerifyOptions = {},
): VerifiedTicket {
  const { parsed, key } = beforeSignature(text, keyring, options);
  if (!verify(null, parsed.signed, publicKeyFor(key.publicKeyBytes), parsed.signature)) throw badSignature();
  return afterSignature(parsed.fields, key, now, options);
}

/**
 * verifyTicketCodeSync with the signature checked on libuv's thread pool (node:crypto's callback
 * form), so a busy server verifies codes beside its event loop rather than on it.
 */
export async function verifyTicketCodeOffThread(
  text: string,
  keyring: Keyring,
  now?: Now,
  options: VerifyOptions = {},
): Promise<VerifiedTicket> {
  const { parsed, key } = beforeSignature(text, keyring, options);
  const valid = await new Promise<boolean>((resolve, reject) =>
    verify(null, parsed.signed, publicKeyFor(key.publicKeyBytes), parsed.signature, (error, ok) =>
      error ? reject(error) : resolve(ok),
    ),
  );
  if (!valid) throw badSignature();
  return afterSignature(parsed.fields, key, now, options);
}
