import { ApiProblem } from '@tessera/api-client';

/** An ApiProblem that keeps the whole problem body: SEAT_TAKEN's seats and alternatives, PRICE_CHANGED's total. */
export class DetailedProblem extends ApiProblem {
  constructor(
    status: number,
    code: string,
    detail: string,
    errors: { field: string; message: string }[],
    readonly body: Record<string, unknown>,
  ) {
    super(status, code, detail, errors);
    this.name = 'DetailedProblem';
  }
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Like `unwrap`, but the thrown problem carries the extra fields of the problem body. */
export async function unwrapDetailed<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = error && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const errors = Array.isArray(body.errors) ? (body.errors as { field: string; message: string }[]) : [];
  throw new DetailedProblem(
    response.status,
    text(body.code) ?? `HTTP_${response.status}`,
    text(body.detail) ?? text(body.title) ?? response.statusText,
    errors,
    body,
  );
}

/** True when `error` is an API problem with this code. */
export function isProblem(error: unknown, code: string): error is ApiProblem {
  return error instanceof ApiProblem && error.code === code;
}

export interface SeatRef {
  seatId: string;
  label: string | null;
}

function seatRefs(value: unknown): SeatRef[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is { seatId: string; label?: unknown } => !!v && typeof v === 'object' && 'seatId' in v)
    .map((v) => ({ seatId: String(v.seatId), label: text(v.label) ?? null }));
}

/** The taken seats and the nearest free ones of a 409 SEAT_TAKEN, or null for any other error. */
export function seatTakenDetails(error: unknown): { seats: SeatRef[]; alternatives: SeatRef[] } | null {
  if (!isProblem(error, 'SEAT_TAKEN')) return null;
  const body = error instanceof DetailedProblem ? error.body : {};
  return { seats: seatRefs(body.seats), alternatives: seatRefs(body.alternatives) };
}

/** The new total of a 409 PRICE_CHANGED (minor units), or null. */
export function changedTotal(error: unknown): number | null {
  if (!isProblem(error, 'PRICE_CHANGED') || !(error instanceof DetailedProblem)) return null;
  return typeof error.body.total === 'number' ? error.body.total : null;
}
