import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { toProblem } from './problem.filter.js';

const refused = (state: string) =>
  new QueryFailedError('INSERT ...', [], Object.assign(new Error(`sqlstate ${state}`), { code: state }));

describe('toProblem', () => {
  it('answers a domain error with its status and code, and no stack is needed', () => {
    const result = toProblem(new DomainError('conflict', 'SOLD_OUT', 'Sold out.', { ticketTypeId: 't1' }), 'r1');
    expect(result).toEqual({
      problem: expect.objectContaining({ status: 409, code: 'SOLD_OUT', ticketTypeId: 't1', requestId: 'r1' }),
      retryAfter: undefined,
      internal: false,
    });
  });

  it.each([
    ['23505', 409, 'ALREADY_EXISTS', undefined],
    ['23503', 409, 'REFERENCE_CONFLICT', undefined],
    ['23514', 409, 'CONSTRAINT_VIOLATED', undefined],
    ['23P01', 409, 'CONSTRAINT_VIOLATED', undefined],
    ['40001', 503, 'TRY_AGAIN', 1],
    ['40P01', 503, 'TRY_AGAIN', 1],
    ['22003', 400, 'INVALID_VALUE', undefined],
    ['22021', 400, 'INVALID_VALUE', undefined],
  ])('answers the database refusal %s as %i %s, logged as a warning', (state, status, code, retryAfter) => {
    const result = toProblem(refused(state), 'r2');
    expect(result.problem).toMatchObject({ status, code, requestId: 'r2' });
    expect(result.retryAfter).toBe(retryAfter);
    expect(result.internal).toBe(false);
    expect(result.warn).toBe(true);
  });

  it('keeps any other database error a fault (500, logged as an error)', () => {
    for (const state of ['42P01', '08006', '']) {
      const result = toProblem(refused(state), 'r3');
      expect(result.problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(result.internal).toBe(true);
    }
  });

  it('answers router refusals with their own codes', () => {
    const tooLong = Object.assign(new Error('long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' });
    expect(toProblem(tooLong, null).problem).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    const badUrl = Object.assign(new Error('bad'), { code: 'FST_ERR_BAD_URL' });
    expect(toProblem(badUrl, null).problem).toMatchObject({ status: 400, code: 'MALFORMED_URL' });
  });
});
