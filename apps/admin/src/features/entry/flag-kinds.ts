import { humanize } from '@tessera/ui';

/** The flags the validation engine and offline uploads raise, in plain words. */
const FLAG_KIND_LABELS: Record<string, string> = {
  two_gates: 'Same ticket at two gates',
  invalid_burst: 'Burst of invalid codes',
  revoked_presented: 'Revoked ticket presented',
  offline_double_admission: 'Admitted twice while offline',
};

const FLAG_KIND_HINTS: Record<string, string> = {
  two_gates: 'One ticket was scanned at two different gates within five minutes: a copied code is likely.',
  invalid_burst: 'Ten or more unreadable or forged codes from one scanner within a minute.',
  revoked_presented:
    'A transferred, reissued or refunded ticket was shown at a gate; its old holder may be reselling it.',
  offline_double_admission: 'A scanner let the ticket in while offline, but it had already been admitted.',
};

/** A kind the console does not know yet still reads as words ("new_kind" becomes "New kind"). */
export const flagKindLabel = (kind: string): string => FLAG_KIND_LABELS[kind] ?? humanize(kind);

export const flagKindHint = (kind: string): string | undefined => FLAG_KIND_HINTS[kind];
