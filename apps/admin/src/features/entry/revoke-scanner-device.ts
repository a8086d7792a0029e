import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** Revokes the device and its key for good. */
export async function revokeScannerDevice(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/scanner-devices/{id}', { params: { path: { id } } }));
}
