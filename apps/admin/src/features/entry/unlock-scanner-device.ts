import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export function unlockScannerDevice(id: string) {
  return unwrap(api.POST('/api/scanner-devices/{id}/unlock', { params: { path: { id } } }));
}
