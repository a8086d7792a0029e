import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

/** The ticket as a print-at-home PDF. */
export function downloadTicketPdf(id: string) {
  return unwrap(api.GET('/api/me/tickets/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' })) as Promise<Blob>;
}

/** Hands a downloaded file to the browser as if it came from a link. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
