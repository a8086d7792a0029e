// @tessera/ticket-code: compact Ed25519-signed ticket codes, shared by the API and the scanner.
// Browser-safe: nothing here imports node:*. The node:crypto fast path is in ./node.ts.
export { bytesToUuid, fromBase64Url, isUuid, toBase64Url, uuidToBytes } from './bytes.js';
export { isTicketCodeError, TICKET_CODE_REASONS, TicketCodeError, type TicketCodeReason } from './errors.js';
export {
  CODE_BYTES,
  CODE_CHARS,
  decodeTicketCode,
  FLAG_VALIDITY,
  MAX_TEXT_LENGTH,
  TICKET_CODE_VERSION,
  type DecodedTicketCode,
  type TicketCodeFields,
} from './format.js';
export {
  derivePublicKey,
  exportPublicKey,
  generateEventKeyPair,
  importPrivateKey,
  importPublicKey,
  pkcs8ToSeed,
  seedToPkcs8,
  supportsEd25519,
  type EventKeyPair,
  type PrivateKeyInput,
  type PublicKeyInput,
  type WebCryptoKey,
} from './keys.js';
export { Keyring, type KeyringEntry, type KeyringEntryInput } from './keyring.js';
export { accessMask, accessZones, hasAccess, ACCESS_ALL, MAX_ZONES } from './access.js';
export type { Now, RevocationList, VerifiedTicket, VerifyOptions } from './rules.js';
export { encodeTicketCode, verifyTicketCode } from './ticket-code.js';
