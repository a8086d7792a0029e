import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type RegisterDeviceInput = Schemas['RegisterDeviceDto'];
export type RegisteredDevice = Schemas['RegisteredDeviceDto'];

/** Registers a device; the answer carries its key, which the API never shows again. */
export function registerScannerDevice(eventId: string, body: RegisterDeviceInput) {
  return unwrap(api.POST('/api/events/{id}/scanner-devices', { params: { path: { id: eventId } }, body }));
}
