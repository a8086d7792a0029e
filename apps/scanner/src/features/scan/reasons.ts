import type { TicketCodeReason } from '@tessera/ticket-code';

/** Why a ticket is turned away, as the API reports it, in the words shown at the gate. */
export const REJECT_REASONS = {
  already_used: 'Already used: this ticket has been scanned in before.',
  invalid: 'Not a valid ticket code.',
  revoked: 'This ticket has been revoked.',
  canceled: 'This ticket has been canceled.',
  unpaid: 'The order for this ticket is not paid.',
  wrong_event: 'This ticket is for another event.',
  zone_denied: 'This ticket does not give access to this zone.',
  invalid_time: 'This ticket is not valid at this time.',
  blocked: 'This ticket is blocked. Send the holder to the box office.',
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

/** Finds a known reason in a code such as `already_used`, `ALREADY_USED` or `TICKET_ALREADY_USED`. */
export function toReason(code: unknown): RejectReason | null {
  if (typeof code !== 'string') return null;
  const normalised = code.toLowerCase().replace(/^ticket_/, '');
  return normalised in REJECT_REASONS ? (normalised as RejectReason) : null;
}

/** The gate's reason for a code that failed the offline check, as the API would name it. */
export function fromCodeReason(reason: TicketCodeReason): RejectReason {
  switch (reason) {
    case 'wrong_event':
      return 'wrong_event';
    case 'revoked':
      return 'revoked';
    case 'not_yet_valid':
    case 'expired':
      return 'invalid_time';
    case 'malformed':
    case 'unsupported_version':
    case 'unknown_key':
    case 'bad_signature':
      return 'invalid';
  }
}
