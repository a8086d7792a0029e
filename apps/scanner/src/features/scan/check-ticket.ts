// One scan, from the code to the verdict: the API decides when it can be reached; otherwise this
// device checks the signature with the event's keys, the blocked tickets, the gate's zone (with the
// ticket list, when kept) and its own record of admissions, and queues the scan for upload.
import { ApiProblem } from '@tessera/api-client';
import {
  decodeTicketCode,
  isTicketCodeError,
  Keyring,
  verifyTicketCode,
  type VerifiedTicket,
} from '@tessera/ticket-code';
import type { Direction } from '../../lib/station.js';
import { browserOffline, isNetworkFailure, newNonce } from './network.js';
import { enqueueScan, loadEventData, recordAdmission, wasAdmitted, type OfflineEventData } from './offline-store.js';
import type { ScanOutcome, ScannedTicket } from './outcome.js';
import { fromCodeReason, REJECT_REASONS, toReason, type RejectReason } from './reasons.js';
import { lookUpTicket, type ListLookup } from './ticket-list-store.js';
import { validateTicket, type ValidationAnswer } from './validate-ticket.js';

/** Past this, a gate should not wait for the API: the scan is checked offline instead. */
const ONLINE_TIMEOUT_MS = 5_000;
/** Keeps verifyTicketCode off the validity window: checkOffline checks it on entry, in the API's order. */
const NO_TIME_CHECK = 1e12;

export interface ScanContext {
  eventId: string;
  gateId: string | null;
  direction: Direction;
  /** The check-in list scans count on: the gate's, or `default` for the main entrance. */
  listKey: string;
  /** Whether that list lets a ticket back in after an exit. */
  allowReentry: boolean;
}

export interface CheckResult {
  outcome: ScanOutcome;
  /** `up`: the API answered; `down`: it could not be reached; `skipped`: decided without asking. */
  network: 'up' | 'down' | 'skipped';
}

export async function checkTicket(rawCode: string, ctx: ScanContext): Promise<CheckResult> {
  const code = rawCode.trim();
  const nonce = newNonce();
  const scannedAt = new Date().toISOString();

  // Without a gate the API cannot tell which event this scanner works, so a ticket for another
  // event is refused here rather than checked in there.
  const claimedEvent = claimedEventId(code);
  if (!ctx.gateId && claimedEvent && claimedEvent !== ctx.eventId.toLowerCase()) {
    return { outcome: rejected(code, ctx, 'wrong_event', null, false), network: 'skipped' };
  }

  if (!browserOffline()) {
    try {
      const answer = await validateTicket(
        { code, nonce, scannedAt, direction: ctx.direction, ...(ctx.gateId ? { gateId: ctx.gateId } : {}) },
        AbortSignal.timeout(ONLINE_TIMEOUT_MS),
      );
      rememberAnswer(ctx, answer);
      return { outcome: fromAnswer(code, ctx, answer), network: 'up' };
    } catch (error) {
      if (!isNetworkFailure(error)) return { outcome: fromProblem(code, ctx, error), network: 'up' };
    }
  }
  // The nonce stays the same: if the request did reach the API, the upload replays its answer.
  return { outcome: await checkOffline(code, ctx, nonce, scannedAt), network: 'down' };
}

/** The outcome when checking failed in an unexpected way: staff must look at the ticket. */
export function failedCheck(code: string, ctx: ScanContext): ScanOutcome {
  return unchecked(code.trim(), ctx, 'The ticket could not be checked. Try again, or check it another way.');
}

function claimedEventId(code: string): string | null {
  try {
    return decodeTicketCode(code).eventId;
  } catch {
    return null;
  }
}

async function checkOffline(code: string, ctx: ScanContext, nonce: string, scannedAt: string): Promise<ScanOutcome> {
  const data = loadEventData(ctx.eventId);
  if (!data || data.keys.length === 0) {
    return unchecked(
      code,
      ctx,
      'No connection and no offline data for this event. Check the ticket another way.',
      true,
    );
  }
  const queue = (offlineResult: 'admitted' | 'rejected') =>
    enqueueScan({
      code,
      ...(ctx.gateId ? { gateId: ctx.gateId } : {}),
      direction: ctx.direction,
      nonce,
      scannedAt,
      offlineResult,
    });

  let verified: VerifiedTicket;
  try {
    // The validity window is checked below, after the block, in the API's order.
    verified = await verifyTicketCode(code, Keyring.fromJSON(data.keys), Date.now(), {
      eventId: ctx.eventId,
      revoked: new Set(data.revoked),
      leewaySeconds: NO_TIME_CHECK,
    });
  } catch (error) {
    if (!isTicketCodeError(error)) {
      return unchecked(code, ctx, 'This device cannot check tickets offline. Check the ticket another way.', true);
    }
    const reason = fromCodeReason(error.reason);
    // Uploaded, these would be checked in by the API (a key this device has not loaded yet, or a
    // ticket of another event at the main entrance), although the holder was turned away.
    if (error.reason !== 'unknown_key' && reason !== 'wrong_event') queue('rejected');
    return rejected(code, ctx, reason, null, true);
  }
  const ticketId = verified.ticketId;

  // Without the list (not wanted, or storage unavailable) the code alone decides, as before.
  const listed = await lookUpTicket(ctx.eventId, ticketId).catch(() => null);
  const ticket: ScannedTicket = {
    id: ticketId,
    ticketTypeName: listed?.type?.name ?? null,
    // A listed ticket without a seat is general admission; an unlisted one is not known.
    seat: listed?.ticket ? (listed.ticket.seat ?? null) : undefined,
    holderName: listed?.ticket?.holder ?? null,
  };
  const refuse = (reason: RejectReason) => {
    queue('rejected');
    return rejected(code, ctx, reason, ticket, true);
  };

  if (isBlocked(data, listed, ticketId)) return refuse('blocked');
  if (ctx.direction === 'entry' && outsideWindow(verified, Date.now())) return refuse('invalid_time');
  const zoneLevels = gateZoneLevels(data, ctx.gateId);
  if (zoneLevels && listed?.type && !zoneLevels.includes(listed.type.accessLevel)) return refuse('zone_denied');
  if (ctx.direction === 'entry' && wasAdmitted(ctx.eventId, ctx.listKey, ticketId)) return refuse('already_used');

  queue('admitted');
  if (ctx.direction === 'entry') recordAdmission(ctx.eventId, ctx.listKey, ticketId, true);
  else if (ctx.allowReentry) recordAdmission(ctx.eventId, ctx.listKey, ticketId, false);
  const unlisted =
    listed && !listed.ticket
      ? 'Not in the downloaded list (sold after it was downloaded?), but the code is genuine. '
      : '';
  return {
    verdict: 'admitted',
    reason: null,
    message:
      unlisted +
      (ctx.direction === 'entry'
        ? 'Checked on this device only. It is confirmed when the scanner is back online.'
        : 'Exit recorded on this device. It is sent when the scanner is back online.'),
    ticket,
    offline: true,
    direction: ctx.direction,
    code,
  };
}

/**
 * Blocked by staff. The blocked ids that come with the revocations are complete and refreshed every
 * minute, so when they were asked for after the list arrived they decide alone (an unblock included);
 * otherwise a block in either counts.
 */
function isBlocked(data: OfflineEventData, listed: ListLookup | null, ticketId: string): boolean {
  const inRevocations = data.blocked?.includes(ticketId) ?? false;
  const revocationsNewer =
    data.blocked !== null &&
    (!listed || (data.blockedAt !== null && Date.parse(data.blockedAt) >= Date.parse(listed.info.downloadedAt)));
  if (revocationsNewer) return inRevocations;
  return inRevocations || listed?.ticket?.blocked === true;
}

function outsideWindow(ticket: VerifiedTicket, now: number): boolean {
  if (!ticket.notBefore || !ticket.notAfter) return false;
  return now < ticket.notBefore.getTime() || now >= ticket.notAfter.getTime();
}

/** The access levels the gate's zone admits; null for the main entrance or a gate without a zone. */
function gateZoneLevels(data: OfflineEventData, gateId: string | null): string[] | null {
  if (!gateId || !data.access) return null;
  const gate = data.access.gates.find((g) => g.id === gateId);
  if (!gate?.zoneId) return null;
  return data.access.zones.find((z) => z.id === gate.zoneId)?.accessLevels ?? null;
}

/** Keeps this device's record of who is in current with what the API decided. */
function rememberAnswer(ctx: ScanContext, answer: ValidationAnswer): void {
  const id = answer.ticket?.id;
  if (!id || answer.ticket?.eventId !== ctx.eventId) return;
  if (ctx.direction === 'entry' && (answer.result === 'admitted' || answer.reason === 'already_used')) {
    recordAdmission(ctx.eventId, ctx.listKey, id, true);
  } else if (ctx.direction === 'exit' && answer.result === 'admitted' && ctx.allowReentry) {
    recordAdmission(ctx.eventId, ctx.listKey, id, false);
  }
}

function fromAnswer(code: string, ctx: ScanContext, answer: ValidationAnswer): ScanOutcome {
  const ticket: ScannedTicket | null = answer.ticket
    ? {
        id: answer.ticket.id,
        ticketTypeName: answer.ticket.ticketTypeName,
        seat: answer.ticket.seat,
        holderName: answer.ticket.holderName,
      }
    : null;
  if (answer.result === 'admitted') {
    return {
      verdict: 'admitted',
      reason: null,
      message: ctx.direction === 'entry' ? 'Let the holder in.' : 'Exit recorded.',
      ticket,
      offline: false,
      direction: ctx.direction,
      code,
    };
  }
  return rejected(code, ctx, answer.reason ?? 'invalid', ticket, false);
}

function fromProblem(code: string, ctx: ScanContext, error: unknown): ScanOutcome {
  if (error instanceof ApiProblem) {
    const reason = toReason(error.code);
    if (reason) return rejected(code, ctx, reason, null, false);
    if (error.status === 401) return unchecked(code, ctx, 'The session has ended. Sign in again to keep scanning.');
    if (error.status === 403) return unchecked(code, ctx, 'This account may not check tickets.');
    if (error.code === 'GATE_NOT_FOUND')
      return unchecked(code, ctx, 'This gate no longer exists. Choose the gate again.');
    return unchecked(code, ctx, error.detail || `The server answered ${error.status}.`);
  }
  return unchecked(code, ctx, 'The ticket could not be checked. Try again.');
}

function rejected(
  code: string,
  ctx: ScanContext,
  reason: RejectReason,
  ticket: ScannedTicket | null,
  offline: boolean,
): ScanOutcome {
  return {
    verdict: 'rejected',
    reason,
    message: REJECT_REASONS[reason],
    ticket,
    offline,
    direction: ctx.direction,
    code,
  };
}

function unchecked(code: string, ctx: ScanContext, message: string, offline = false): ScanOutcome {
  return { verdict: 'unchecked', reason: null, message, ticket: null, offline, direction: ctx.direction, code };
}
