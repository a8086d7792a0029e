import type { Direction } from '../../lib/station.js';
import type { RejectReason } from './reasons.js';

export interface SeatRef {
  section: string;
  row: string;
  label: string;
}

/** What the gate shows about the ticket. Offline, only the id is known from the code itself. */
export interface ScannedTicket {
  id: string;
  ticketTypeName: string | null;
  /** null: general admission; undefined: not known (checked offline). */
  seat?: SeatRef | null;
  holderName: string | null;
}

/**
 * The verdict for one scan. `unchecked` means neither the API nor this device could decide
 * (no connection and no offline data): staff must check the ticket another way.
 */
export interface ScanOutcome {
  verdict: 'admitted' | 'rejected' | 'unchecked';
  reason: RejectReason | null;
  /** The verdict in plain words. */
  message: string;
  ticket: ScannedTicket | null;
  /** Decided on this device without the API; confirmed when the queue is uploaded. */
  offline: boolean;
  direction: Direction;
  code: string;
}

/** An outcome as shown: `seq` tells two identical verdicts in a row apart. */
export interface ShownOutcome extends ScanOutcome {
  seq: number;
}

export type Tone = 'admitted' | 'rejected' | 'warning';

/** Green for an admission the API made, red for a refusal, amber for anything to double-check. */
export function toneOf(outcome: ScanOutcome): Tone {
  if (outcome.verdict === 'rejected') return 'rejected';
  if (outcome.verdict === 'admitted' && !outcome.offline) return 'admitted';
  return 'warning';
}

export function headlineOf(outcome: ScanOutcome): string {
  const suffix = outcome.offline ? ' (offline)' : '';
  switch (outcome.verdict) {
    case 'admitted':
      return `ADMITTED${suffix}`;
    case 'rejected':
      return `REJECTED${suffix}`;
    case 'unchecked':
      return 'NOT CHECKED';
  }
}

export function seatText(seat: SeatRef | null | undefined): string | null {
  if (seat === undefined) return null;
  if (seat === null) return 'General admission';
  return `Section ${seat.section} · Row ${seat.row} · Seat ${seat.label}`;
}

/** The first 8 characters of a ticket id, as printed on tickets and shown in the portal. */
export const shortTicketId = (id: string) => id.slice(0, 8).toUpperCase();
