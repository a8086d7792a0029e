/** Why a ticket is turned away, as the API reports it. */
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
