import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type ScannerDevice = Schemas['ScannerDeviceDto'];
export type DeviceStatus = ScannerDevice['status'];

export function listScannerDevices(eventId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/events/{id}/scanner-devices', { params: { path: { id: eventId } }, signal }));
}
