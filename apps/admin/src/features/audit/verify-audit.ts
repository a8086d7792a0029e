import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type AuditVerification = Schemas['AuditVerificationDto'];

/** Recomputes the hash chain on the server and reports the first broken entry, if any. */
export function verifyAudit() {
  return unwrap(api.GET('/api/audit/verify'));
}
