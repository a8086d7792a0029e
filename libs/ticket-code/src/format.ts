// The binary layout of a ticket code (README.md, "Byte layout"). Parsing only: no cryptography here.
import { bytesToUuid, fromBase64Url, isUuid, toBase64Url, uuidToBytes } from './bytes.js';
import { TicketCodeError } from './errors.js';

/** The only format version this library writes and reads. */
export const TICKET_CODE_VERSION = 1;
/** Header bit 7: a validity window (notBefore, notAfter) follows the access byte. */
export const FLAG_VALIDITY = 0x80;
const VERSION_MASK = 0x0f;
const RESERVED_MASK = 0x70;

const OFFSET_KEY_ID = 1;
const OFFSET_TICKET = 5;
const OFFSET_EVENT = 21;
const OFFSET_ACCESS = 37;
const OFFSET_WINDOW = 38;
/** Signed bytes without / with the validity window. */
const SIGNED_SHORT = 38;
const SIGNED_LONG = 46;
export const SIGNATURE_LENGTH = 64;
/** Whole code lengths in bytes (102 / 110) and in base64url characters (136 / 147). */
export const CODE_BYTES = { short: SIGNED_SHORT + SIGNATURE_LENGTH, long: SIGNED_LONG + SIGNATURE_LENGTH } as const;
export const CODE_CHARS = { short: 136, long: 147 } as const;
/** Longer text is refused before decoding; leaves room for future versions. */
export const MAX_TEXT_LENGTH = 256;
const MAX_UINT32 = 0xffffffff;

/** What the issuer puts in a code. */
export interface TicketCodeFields {
  ticketId: string;
  eventId: string;
  /** Access bits 0-255: bit n grants the event's access zone n (README.md, "Access bits"). */
  access: number;
  /** Not valid before this instant (whole seconds, rounded down). Giving either bound adds the window. */
  notBefore?: Date;
  /** Not valid from this instant on (whole seconds, rounded down). */
  notAfter?: Date;
}

/** A parsed code. Nothing in it is trustworthy until verifyTicketCode has checked the signature. */
export interface DecodedTicketCode {
  version: number;
  /** Which event key signed the code (unsigned 32-bit). */
  keyId: number;
  /** Lowercase UUID. */
  ticketId: string;
  /** Lowercase UUID. */
  eventId: string;
  access: number;
  /** Both null when the code has no validity window. */
  notBefore: Date | null;
  notAfter: Date | null;
}

/** A decoded code plus the bytes the signature covers. */
export interface ParsedTicketCode {
  fields: DecodedTicketCode;
  signed: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

export function isKeyId(keyId: unknown): keyId is number {
  return typeof keyId === 'number' && Number.isInteger(keyId) && keyId >= 0 && keyId <= MAX_UINT32;
}

export function assertKeyId(keyId: unknown): asserts keyId is number {
  if (!isKeyId(keyId)) throw new RangeError(`A key id is an integer from 0 to ${MAX_UINT32}`);
}

function toSeconds(value: Date | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const ms = value instanceof Date ? value.getTime() : NaN;
  const seconds = Math.floor(ms / 1000);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_UINT32) {
    throw new RangeError(`${name} must be a Date between 1970 and 2106`);
  }
  return seconds;
}

/** The bytes to sign for `fields`; throws TypeError/RangeError for invalid fields (a caller bug). */
export function encodeSignedPart(fields: TicketCodeFields, keyId: number): Uint8Array<ArrayBuffer> {
  assertKeyId(keyId);
  if (!isUuid(fields.ticketId)) throw new TypeError('ticketId must be a UUID');
  if (!isUuid(fields.eventId)) throw new TypeError('eventId must be a UUID');
  const { access } = fields;
  if (!Number.isInteger(access) || access < 0 || access > 0xff) throw new RangeError('access must be 0-255');
  const windowed = fields.notBefore !== undefined || fields.notAfter !== undefined;
  const out = new Uint8Array(windowed ? SIGNED_LONG : SIGNED_SHORT);
  const view = new DataView(out.buffer);
  out[0] = TICKET_CODE_VERSION | (windowed ? FLAG_VALIDITY : 0);
  view.setUint32(OFFSET_KEY_ID, keyId);
  out.set(uuidToBytes(fields.ticketId), OFFSET_TICKET);
  out.set(uuidToBytes(fields.eventId), OFFSET_EVENT);
  out[OFFSET_ACCESS] = access;
  if (windowed) {
    const notBefore = toSeconds(fields.notBefore, 0, 'notBefore');
    const notAfter = toSeconds(fields.notAfter, MAX_UINT32, 'notAfter');
    if (notBefore > notAfter) throw new RangeError('notBefore is after notAfter');
    view.setUint32(OFFSET_WINDOW, notBefore);
    view.setUint32(OFFSET_WINDOW + 4, notAfter);
  }
  return out;
}

/** The text form: base64url (no padding, no prefix) of the signed bytes followed by the signature. */
export function joinCode(signed: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_LENGTH) throw new Error('An Ed25519 signature is 64 bytes');
  const whole = new Uint8Array(signed.length + signature.length);
  whole.set(signed);
  whole.set(signature, signed.length);
  return toBase64Url(whole);
}

const malformed = (message: string) => new TicketCodeError('malformed', message);

/** Splits and parses a code's text without verifying it. Surrounding ASCII whitespace is ignored. */
export function parseTicketCode(text: unknown): ParsedTicketCode {
  if (typeof text !== 'string') throw malformed('A ticket code is text');
  const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (trimmed.length === 0) throw malformed('The ticket code is empty');
  if (trimmed.length > MAX_TEXT_LENGTH) throw malformed('The ticket code is too long');
  const bytes = fromBase64Url(trimmed);
  if (!bytes) throw malformed('The ticket code is not base64url');
  const header = bytes[0]!;
  if ((header & VERSION_MASK) !== TICKET_CODE_VERSION || (header & RESERVED_MASK) !== 0) {
    throw new TicketCodeError('unsupported_version', `Unsupported ticket code version ${header & VERSION_MASK}`);
  }
  const windowed = (header & FLAG_VALIDITY) !== 0;
  const signedLength = windowed ? SIGNED_LONG : SIGNED_SHORT;
  if (bytes.length !== signedLength + SIGNATURE_LENGTH) {
    throw malformed(`A version 1 code is ${signedLength + SIGNATURE_LENGTH} bytes, this one is ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer);
  let notBefore: Date | null = null;
  let notAfter: Date | null = null;
  if (windowed) {
    notBefore = new Date(view.getUint32(OFFSET_WINDOW) * 1000);
    notAfter = new Date(view.getUint32(OFFSET_WINDOW + 4) * 1000);
  }
  return {
    fields: {
      version: TICKET_CODE_VERSION,
      keyId: view.getUint32(OFFSET_KEY_ID),
      ticketId: bytesToUuid(bytes, OFFSET_TICKET),
      eventId: bytesToUuid(bytes, OFFSET_EVENT),
      access: bytes[OFFSET_ACCESS]!,
      notBefore,
      notAfter,
    },
    signed: bytes.slice(0, signedLength),
    signature: bytes.slice(signedLength),
  };
}

/**
 * Parses a code without verifying its signature: for display and routing only, never for admission.
 * Throws TicketCodeError 'malformed' or 'unsupported_version'.
 */
export function decodeTicketCode(text: string): DecodedTicketCode {
  return parseTicketCode(text).fields;
}
