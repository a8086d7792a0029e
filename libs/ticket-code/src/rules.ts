// The checks around the signature, shared by the WebCrypto and the node:crypto paths.
import { TicketCodeError } from './errors.js';
import { parseTicketCode, type DecodedTicketCode, type ParsedTicketCode } from './format.js';
import type { Keyring, KeyringEntry } from './keyring.js';

/** Anything with `has(ticketId)`, e.g. a Set of lowercase ticket UUIDs. */
export interface RevocationList {
  has(ticketId: string): boolean;
}

export interface VerifyOptions {
  /** Revoked ticket ids (lowercase UUIDs). */
  revoked?: RevocationList;
  /** The event being scanned: a code for any other event fails with 'wrong_event'. */
  eventId?: string;
  /** Tolerated clock difference at both ends of a validity window, in seconds (default 0). */
  leewaySeconds?: number;
}

/** A code whose signature checked out, with the key that signed it. */
export interface VerifiedTicket extends DecodedTicketCode {
  /** True when the signing key is retired (still accepted). */
  retiredKey: boolean;
}

/** Now as milliseconds since the epoch. */
export type Now = Date | number;

/** Parse, event and key checks: everything before the signature. */
export function beforeSignature(
  text: string,
  keyring: Keyring,
  options: VerifyOptions,
): { parsed: ParsedTicketCode; key: KeyringEntry } {
  const parsed = parseTicketCode(text);
  const { fields } = parsed;
  // Decided on the unsigned claim: either way the code is refused, but a genuine ticket for another
  // event gets the helpful answer even when this keyring lacks that event's key.
  if (options.eventId !== undefined && fields.eventId !== options.eventId.toLowerCase()) {
    throw new TicketCodeError('wrong_event', 'The ticket is for another event');
  }
  const key = keyring.get(fields.keyId);
  // A key bound to one event vouches for nothing else: for this event the key is unknown.
  if (!key || (key.eventId !== null && key.eventId !== fields.eventId)) {
    throw new TicketCodeError('unknown_key', `No trusted key ${fields.keyId} for this event`);
  }
  return { parsed, key };
}

/** Revocation and validity window: everything after a good signature. */
export function afterSignature(
  fields: DecodedTicketCode,
  key: KeyringEntry,
  now: Now | undefined,
  options: VerifyOptions,
): VerifiedTicket {
  if (options.revoked?.has(fields.ticketId)) throw new TicketCodeError('revoked', 'The ticket has been revoked');
  if (fields.notBefore && fields.notAfter) {
    const ms = now === undefined ? Date.now() : now instanceof Date ? now.getTime() : now;
    if (!Number.isFinite(ms)) throw new RangeError('now must be a Date or milliseconds since the epoch');
    const seconds = Math.floor(ms / 1000);
    const leeway = options.leewaySeconds ?? 0;
    // Fail closed: a NaN here would make both comparisons false and admit any time.
    if (!Number.isFinite(leeway) || leeway < 0) throw new RangeError('leewaySeconds must be a number >= 0');
    if (seconds < fields.notBefore.getTime() / 1000 - leeway) {
      throw new TicketCodeError('not_yet_valid', 'The ticket is not valid yet');
    }
    if (seconds >= fields.notAfter.getTime() / 1000 + leeway) {
      throw new TicketCodeError('expired', 'The ticket has expired');
    }
  }
  return { ...fields, retiredKey: key.retired };
}

export function badSignature(): TicketCodeError {
  return new TicketCodeError('bad_signature', 'The ticket code signature is not valid');
}
