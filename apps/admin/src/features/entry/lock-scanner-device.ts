import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Its scans are refused until it is unlocked. */
export function lockScannerDevice(id: string) {
  return unwrap(api.POST('/api/scanner-devices/{id}/lock', { params: { path: { id } } }));
}
