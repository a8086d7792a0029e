// Signing and verifying through WebCrypto: the same code runs in Node and in the browser.
import { encodeSignedPart, joinCode, type TicketCodeFields } from './format.js';
import { ED25519, subtle, toSigningKey, type PrivateKeyInput } from './keys.js';
import type { Keyring } from './keyring.js';
import {
  afterSignature,
  badSignature,
  beforeSignature,
  type Now,
  type VerifiedTicket,
  type VerifyOptions,
} from './rules.js';

/**
 * Signs `fields` with an event's private key and returns the code's text (136 characters, 147 with a
 * validity window). For many codes, pass a key from importPrivateKey instead of the seed.
 */
export async function encodeTicketCode(
  fields: TicketCodeFields,
  privateKey: PrivateKeyInput,
  keyId: number,
): Promise<string> {
  const signed = encodeSignedPart(fields, keyId);
  const key = await toSigningKey(privateKey);
  const signature = new Uint8Array(await subtle().sign(ED25519, key, signed));
  return joinCode(signed, signature);
}

/**
 * Decodes a code and checks, in order: format ('malformed', 'unsupported_version'), the event
 * ('wrong_event', when options.eventId is given), the key ('unknown_key'), the signature
 * ('bad_signature'), revocation ('revoked') and the validity window ('not_yet_valid', 'expired').
 * `now` is a Date or milliseconds since the epoch (default: the current time).
 */
export async function verifyTicketCode(
  text: string,
  keyring: Keyring,
  now?: Now,
  options: VerifyOptions = {},
): Promise<VerifiedTicket> {
  const { parsed, key } = beforeSignature(text, keyring, options);
  const publicKey = await keyring.webCryptoKey(parsed.fields.keyId)!;
  if (!(await subtle().verify(ED25519, publicKey, parsed.signature, parsed.signed))) throw badSignature();
  return afterSignature(parsed.fields, key, now, options);
}
