import { ApiProblem, unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import { REJECT_REASONS, toReason, type RejectReason } from './reasons.js';

export type ScanOutcome =
  | { kind: 'admitted'; code: string; holder?: string; ticketType?: string }
  | { kind: 'rejected'; code: string; reason: RejectReason | null; message: string }
  | { kind: 'unreachable'; code: string; message: string };

export interface ValidateTicketBody {
  code: string;
  /** Makes a retried request count once. */
  nonce: string;
  scannedAt: string;
}

interface ValidationAnswer {
  result?: string;
  status?: string;
  admitted?: boolean;
  valid?: boolean;
  reason?: string | null;
  message?: string;
  holderName?: string | null;
  ticketTypeName?: string | null;
  ticket?: { holderName?: string | null; ticketTypeName?: string | null; ticketType?: { name?: string } | null } | null;
}

type Post = (
  path: string,
  init: { body: ValidateTicketBody },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

// The validation endpoint is called through a loose signature so this keeps building
// whether or not the generated schema has it yet.
const post = (path: string, body: ValidateTicketBody) => (api as unknown as { POST: Post }).POST(path, { body });

function fromAnswer(code: string, answer: ValidationAnswer): ScanOutcome {
  const verdict = (answer.result ?? answer.status ?? '').toLowerCase();
  const admitted = answer.admitted === true || answer.valid === true || verdict === 'admitted' || verdict === 'valid';
  if (admitted) {
    return {
      kind: 'admitted',
      code,
      holder: answer.holderName ?? answer.ticket?.holderName ?? undefined,
      ticketType:
        answer.ticketTypeName ?? answer.ticket?.ticketTypeName ?? answer.ticket?.ticketType?.name ?? undefined,
    };
  }
  const reason = toReason(answer.reason ?? verdict);
  return { kind: 'rejected', code, reason, message: reason ? REJECT_REASONS[reason] : (answer.message ?? 'Rejected.') };
}

/** Asks the API whether `code` may enter; every failure is turned into an outcome to show. */
export async function validateTicket(code: string): Promise<ScanOutcome> {
  const body = { code, nonce: crypto.randomUUID(), scannedAt: new Date().toISOString() };
  try {
    const answer = await unwrap(post('/api/tickets/validate', body));
    return fromAnswer(code, (answer ?? {}) as ValidationAnswer);
  } catch (error) {
    if (error instanceof ApiProblem) {
      const reason = toReason(error.code);
      if (reason) return { kind: 'rejected', code, reason, message: REJECT_REASONS[reason] };
      return { kind: 'unreachable', code, message: error.detail || `The server answered ${error.status}.` };
    }
    return { kind: 'unreachable', code, message: 'Could not reach the server' };
  }
}
