import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ValidateBody = Schemas['ValidateRequestDto'];
export type ValidationAnswer = Schemas['ValidationResultDto'];

/** Asks the API whether a code may pass; throws ApiProblem, or the fetch error when unreachable. */
export function validateTicket(body: ValidateBody, signal?: AbortSignal): Promise<ValidationAnswer> {
  return unwrap(api.POST('/api/tickets/validate', { body, signal }));
}
