import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type RegisterInput = Schemas['RegisterDto'];

/** Creates a customer account; the answer signs the new customer in. */
export function register(body: RegisterInput) {
  return unwrap(api.POST('/api/auth/register', { body }));
}
