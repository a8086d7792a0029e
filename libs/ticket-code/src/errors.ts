/** Why a ticket code was refused. Stable: apps branch on these and may show them to staff. */
export const TICKET_CODE_REASONS = [
  'malformed',
  'unsupported_version',
  'wrong_event',
  'unknown_key',
  'bad_signature',
  'revoked',
  'not_yet_valid',
  'expired',
] as const;

export type TicketCodeReason = (typeof TICKET_CODE_REASONS)[number];

/** A ticket code that cannot be decoded or must not be admitted; `reason` says why. */
export class TicketCodeError extends Error {
  readonly reason: TicketCodeReason;

  constructor(reason: TicketCodeReason, message: string) {
    super(message);
    this.name = 'TicketCodeError';
    this.reason = reason;
  }
}

/** True when `error` is a TicketCodeError, optionally with the given reason. */
export function isTicketCodeError(error: unknown, reason?: TicketCodeReason): error is TicketCodeError {
  return error instanceof TicketCodeError && (reason === undefined || error.reason === reason);
}
