import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PrintLayout = 'a4' | 'thermal';

/** All valid tickets of a sale as one PDF: 80 mm thermal strips for the counter printer, or A4 pages. */
export async function getTicketsPdf(purchaseId: string, layout: PrintLayout): Promise<Blob> {
  const pdf = (await unwrap(
    api.GET('/api/purchases/{id}/tickets.pdf', {
      params: { path: { id: purchaseId }, query: { layout } },
      parseAs: 'blob',
    }),
  )) as Blob;
  // The browser's PDF viewer only opens a blob typed as a PDF.
  return pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' });
}
