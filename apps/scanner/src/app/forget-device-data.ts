import { deleteAllTicketLists } from '../features/scan/ticket-list-store.js';

/**
 * On sign-out: the downloaded ticket lists name the holders, so they do not stay on a shared device.
 * The keys, revocations and queued scans stay: they hold no personal data and the queue must still
 * be uploaded.
 */
export function forgetDeviceData(): void {
  deleteAllTicketLists().catch(() => undefined);
}
