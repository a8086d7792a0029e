import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { ROOT_LOGGER } from '../logging/logger.js';
import { DomainError, STATUS_OF } from './domain-error.js';
import { type Problem, PROBLEM_CONTENT_TYPE, problem } from './problem.js';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Fastify's own error codes (raised before Nest sees the request) mapped to ours. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON', 'The request body is empty but declared as JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'BAD_REQUEST', 'The Content-Type header is invalid.'],
  FST_ERR_BAD_URL: [400, 'MALFORMED_URL', 'The URL is malformed (a path segment is not valid percent-encoding).'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', 'A path segment is longer than the server accepts.'],
};

/**
 * PostgreSQL refusals a request can provoke by what it sends or when (a value out of range, a
 * duplicate that slipped past a check in a race, a deadlock): answered as refusals, not as faults.
 * Services check first and answer precisely; this is the backstop. Each is logged as a warning.
 */
function databaseRefusal(error: unknown): [number, string, string, number?] | null {
  if (!(error instanceof QueryFailedError)) return null;
  const state = String((error.driverError as { code?: unknown } | undefined)?.code ?? '');
  if (state === '23505') return [409, 'ALREADY_EXISTS', 'Something with these values already exists.'];
  if (state === '23503')
    return [
      409,
      'REFERENCE_CONFLICT',
      'This refers to something that does not exist, or something still refers to it.',
    ];
  if (state === '23514' || state === '23P01')
    return [409, 'CONSTRAINT_VIOLATED', 'This change conflicts with the current state; reload and try again.'];
  if (state === '40001' || state === '40P01' || state === '55P03')
    return [503, 'TRY_AGAIN', 'The request collided with another one; send it again.', 1];
  if (state.startsWith('22')) return [400, 'INVALID_VALUE', 'A value in the request is out of range or malformed.'];
  return null;
}

/** Turns anything thrown into an application/problem+json answer. */
export function toProblem(
  error: unknown,
  requestId: string | null,
): { problem: Problem; retryAfter?: number; internal: boolean; warn?: boolean } {
  if (error instanceof DomainError) {
    const { errors, retryAfterSeconds, ...rest } = error.extra;
    const body = problem(STATUS_OF[error.kind], error.code, error.message, { ...rest, requestId });
    if (errors) body.errors = errors;
    return { problem: body, retryAfter: retryAfterSeconds, internal: false };
  }
  const refusal = databaseRefusal(error);
  if (refusal) {
    const [status, code, detail, retryAfter] = refusal;
    return { problem: problem(status, code, detail, { requestId }), retryAfter, internal: false, warn: true };
  }
  // Nest wraps Fastify's own errors (body parsing, size limit) in an HttpException with the original as cause.
  const underlying = error instanceof HttpException && error.cause ? error.cause : error;
  const fastifyCode = (underlying as { code?: string } | null)?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
    const [status, code, detail] = FASTIFY_CODES[fastifyCode];
    return { problem: problem(status, code, detail, { requestId }), internal: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return {
      problem: problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, message, { requestId }),
      internal: status >= 500,
    };
  }
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      problem: problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, (error as Error).message, { requestId }),
      internal: false,
    };
  }
  return {
    problem: problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side. It has been logged.', { requestId }),
    internal: true,
  };
}

export function sendProblem(reply: FastifyReply, result: ReturnType<typeof toProblem>): void {
  if (result.retryAfter !== undefined) void reply.header('retry-after', String(result.retryAfter));
  void reply.status(result.problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(result.problem);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const result = toProblem(error, String(request.id));
    if (result.internal) this.logger.error({ err: error, reqId: request.id, url: request.url }, 'unhandled error');
    else if (result.warn)
      this.logger.warn({ err: error, reqId: request.id, url: request.url }, 'refused by the database');
    sendProblem(reply, result);
  }
}
