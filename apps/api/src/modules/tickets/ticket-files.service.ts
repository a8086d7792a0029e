import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, type FileStorage } from '../../platform/storage/file-storage.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { SELECT, type TicketRow } from './issued-tickets.service.js';
import { qrPng, qrSvg } from './render/ticket-qr.js';
import { renderTicketsPdf, type TicketView } from './render/ticket-pdf.js';

export type PdfLayout = 'a4' | 'thermal';

const TERMS =
  'Valid for one admission. The QR code is checked once at the gate: do not share it. A transferred or reissued ticket ' +
  'replaces this one and this code stops working. Refunds and transfers only through your account or the box office.';

const KINDS = {
  a4: { ext: 'a4.pdf', type: 'application/pdf' },
  thermal: { ext: 'thermal.pdf', type: 'application/pdf' },
  png: { ext: 'qr.png', type: 'image/png' },
  svg: { ext: 'qr.svg', type: 'image/svg+xml' },
} as const;
type Kind = keyof typeof KINDS;

/**
 * The Ticket Generator's files and Ticket Storage: for each issued ticket a QR (PNG, SVG) and PDF
 * tickets (A4 print-at-home, 80 mm thermal), stored under a key derived from the ticket's code, so
 * rendering again is a no-op and a new code (transfer, reissue) gets new files.
 */
@Injectable()
export class TicketFilesService {
  constructor(
    private readonly ds: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Renders and stores the files of every valid ticket of a purchase; returns how many tickets. */
  async renderPurchase(purchaseId: string): Promise<number> {
    const rows = await this.rows('t.purchase_id = $1 AND t.status = $2', [purchaseId, 'valid']);
    for (const row of rows) await this.ensure(row);
    return rows.length;
  }

  /** One ticket's PDF, rendered first if need be. */
  async pdf(row: TicketRow, layout: PdfLayout = 'a4'): Promise<Buffer> {
    await this.ensure(row);
    const file = await this.storage.get(this.key(row, layout));
    if (!file)
      throw new DomainError('unavailable', 'FILE_UNAVAILABLE', 'The ticket file could not be read; try again.');
    return file.body;
  }

  /** All valid tickets of a purchase in one PDF (the box office prints a sale at once). */
  async purchasePdf(purchaseId: string, layout: PdfLayout): Promise<Buffer | null> {
    const rows = await this.rows('t.purchase_id = $1 AND t.status = $2', [purchaseId, 'valid']);
    if (rows.length === 0) return null;
    return renderTicketsPdf(
      rows.map((r) => this.view(r)),
      layout,
    );
  }

  /** Short-lived signed links to a ticket's files. */
  async links(row: TicketRow): Promise<{ pdf: string; thermalPdf: string; qrPng: string; expiresAt: string }> {
    await this.ensure(row);
    const ttl = this.config.storage.linkTtlSeconds;
    const name = `ticket-${row.id.slice(0, 8)}`;
    const [pdf, thermalPdf, png] = await Promise.all([
      this.storage.signedUrl(this.key(row, 'a4'), { expiresInSeconds: ttl, filename: `${name}.pdf` }),
      this.storage.signedUrl(this.key(row, 'thermal'), { expiresInSeconds: ttl, filename: `${name}-80mm.pdf` }),
      this.storage.signedUrl(this.key(row, 'png'), { expiresInSeconds: ttl, filename: `${name}.png` }),
    ]);
    return { pdf, thermalPdf, qrPng: png, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  qrSvg(row: TicketRow): Promise<string> {
    return qrSvg(row.code ?? '');
  }

  async rows(where: string, params: unknown[]): Promise<TicketRow[]> {
    return (await this.ds.query(`${SELECT} WHERE ${where} ORDER BY t.created_at, t.id`, params)) as TicketRow[];
  }

  private async ensure(row: TicketRow): Promise<void> {
    if (!row.code) throw new DomainError('conflict', 'TICKET_HAS_NO_CODE', 'This ticket has no code yet.');
    const missing: Kind[] = [];
    for (const kind of Object.keys(KINDS) as Kind[]) {
      if (!(await this.storage.exists(this.key(row, kind)))) missing.push(kind);
    }
    if (missing.length === 0) return;
    const view = this.view(row);
    const made: Record<Kind, () => Promise<Buffer>> = {
      a4: () => renderTicketsPdf([view], 'a4'),
      thermal: () => renderTicketsPdf([view], 'thermal'),
      png: () => qrPng(view.code),
      svg: async () => Buffer.from(await qrSvg(view.code)),
    };
    for (const kind of missing) await this.storage.put(this.key(row, kind), await made[kind](), KINDS[kind].type);
  }

  private key(row: TicketRow, kind: Kind): string {
    const stamp = createHash('sha256')
      .update(row.code ?? '')
      .digest('hex')
      .slice(0, 16);
    return `tickets/${row.eventId}/${row.id}/${stamp}-${KINDS[kind].ext}`;
  }

  private view(r: TicketRow): TicketView {
    return {
      ticketId: r.id,
      code: r.code ?? '',
      eventName: r.eventName,
      startsAt: new Date(r.eventStartsAt).toISOString(),
      timezone: r.timezone,
      venueName: r.venueName,
      venueAddress: r.venueAddress,
      ticketTypeName: r.ticketTypeName,
      seat: r.seatId ? { section: r.section ?? '', row: r.row ?? '', label: r.label ?? '' } : null,
      holderName: r.holderName,
      price: r.price,
      currency: r.currency,
      purchaseId: r.purchaseId,
      terms: TERMS,
    };
  }
}
