/**
 * Services throw DomainErrors with a stable upper-snake-case code; the problem filter maps
 * them to problem+json. Services never throw HTTP exceptions, so workers can reuse them.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payment_required'
  | 'unprocessable'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

export const STATUS_OF: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    // An expected answer (sold out, not found), not a fault: capturing a stack trace would cost
    // more than the rest of a refusal. Only `unavailable` keeps one, for diagnosing outages.
    const limit = Error.stackTraceLimit;
    if (kind !== 'unavailable') Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') =>
  new DomainError('not_found', code, `${what} was not found.`);
