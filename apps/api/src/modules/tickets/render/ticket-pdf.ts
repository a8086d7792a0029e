import PDFDocument from 'pdfkit';
import { qrPng, qrSideModules } from './ticket-qr.js';
import { formatPrice, formatStart, winAnsi } from './ticket-text.js';

/**
 * PDF tickets, one page per ticket: an A4 print-at-home layout and an 80 mm layout for thermal
 * box-office printers. Only the PDF standard fonts are used (nothing to embed, small files), so
 * text is first folded into the WinAnsi character set they can show. Dates are shown in the
 * event's own time zone and prices in the currency's minor-unit precision. The document carries
 * fixed dates, so the same tickets always render to the same bytes and stored files can be
 * compared or cached by content.
 */

export interface TicketView {
  ticketId: string;
  code: string;
  eventName: string;
  /** ISO 8601 instant. */
  startsAt: string;
  /** IANA time zone of the event, e.g. `Europe/Berlin`. */
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
  ticketTypeName: string;
  seat: { section: string; row: string; label: string } | null;
  holderName: string | null;
  /** Minor units of `currency`. */
  price: number;
  currency: string;
  purchaseId: string;
  terms: string;
}

export type TicketLayout = 'a4' | 'thermal';

type Doc = PDFKit.PDFDocument;
type Font = 'Helvetica' | 'Helvetica-Bold' | 'Courier' | 'Courier-Bold';

/** A ticket's texts, formatted and reduced to what the standard fonts can show. */
interface TicketText {
  event: string;
  date: string;
  time: string;
  venue: string | null;
  address: string | null;
  type: string;
  seat: { section: string; row: string; label: string } | null;
  holder: string | null;
  price: string;
  order: string;
  ticket: string;
  terms: string;
}

interface TicketArt {
  text: TicketText;
  qr: Buffer;
  qrModules: number;
}

/**
 * Pixels per module of the QR image inside the PDF. A module spans three or four points, so
 * renderers scale this small image up, and poppler, for one, draws an upscale of four times or
 * more without smoothing: module edges stay hard. A large image is scaled down on screen instead,
 * and the grey edges that leaves made the code unreadable to a decoder at some resolutions.
 */
const PDF_QR_PIXELS_PER_MODULE = 2;
const FIXED_DATE = new Date(0);
const INK = '#111827';
const MUTED = '#6b7280';
const RULE = '#d1d5db';
const PANEL = '#f3f4f6';
const BAND = '#1f2937';

/** Renders the tickets into one PDF, a page each, in the order given. */
export async function renderTicketsPdf(tickets: TicketView[], layout: TicketLayout): Promise<Buffer> {
  if (tickets.length === 0) throw new RangeError('No tickets to render.');
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: {
      Title: winAnsi(tickets[0].eventName),
      Author: 'Tessera',
      Creator: 'Tessera',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
  });
  const bytes = collect(doc);
  for (const ticket of tickets) {
    PAGE_LAYOUTS[layout](doc, {
      text: ticketText(ticket),
      qr: await qrPng(ticket.code, PDF_QR_PIXELS_PER_MODULE),
      qrModules: qrSideModules(ticket.code),
    });
  }
  doc.end();
  return bytes;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// ---- A4 print-at-home -------------------------------------------------------------------------

const A4 = { width: 595.28, height: 841.89, margin: 42 };
const A4_QR_MAX = 240;

function drawA4(doc: Doc, art: TicketArt): void {
  const { text } = art;
  const { margin: x, width } = A4;
  const w = width - 2 * x;
  doc.addPage({ size: 'A4', margin: 0 });

  doc.rect(x, x, w, 36).fill(BAND);
  write(doc, 'TESSERA', x + 16, x + 11, { font: 'Helvetica-Bold', size: 13, color: '#ffffff', width: 200 });
  write(doc, 'ADMISSION TICKET', x + 16, x + 14, {
    font: 'Helvetica-Bold',
    size: 8,
    color: '#ffffff',
    width: w - 32,
    align: 'right',
    spacing: 1.5,
  });

  let y = x + 60;
  y += write(doc, text.event, x, y, { font: 'Helvetica-Bold', size: 26, width: w, lines: 2 }) + 8;
  y += write(doc, `${text.date}  \u00b7  ${text.time}`, x, y, { font: 'Helvetica-Bold', size: 13, width: w }) + 6;
  if (text.venue) y += write(doc, text.venue, x, y, { size: 11, width: w, lines: 2 }) + 2;
  if (text.address) y += write(doc, text.address, x, y, { size: 10, color: MUTED, width: w, lines: 2 });

  const cardTop = Math.max(y + 20, 220);
  const cardBottom = drawA4Card(doc, art, cardTop);

  const tear = cardBottom + 26;
  doc
    .save()
    .moveTo(x, tear)
    .lineTo(x + w, tear)
    .dash(4, { space: 3 })
    .lineWidth(0.75)
    .stroke(RULE)
    .restore();
  const termsTop = tear + 18;
  write(doc, 'TERMS AND CONDITIONS', x, termsTop, {
    font: 'Helvetica-Bold',
    size: 7.5,
    color: INK,
    spacing: 1,
    width: w,
  });
  write(doc, text.terms, x, termsTop + 14, {
    size: 7.5,
    color: MUTED,
    width: w,
    height: A4.height - x - termsTop - 14,
  });
}

/** The bordered part with the details and the QR code; returns its bottom edge. */
function drawA4Card(doc: Doc, art: TicketArt, top: number): number {
  const { text } = art;
  const pad = 20;
  const x = A4.margin;
  const w = A4.width - 2 * x;
  const qrSide = qrPoints(art.qrModules, A4_QR_MAX);
  const height = pad + qrSide + 22 + pad;
  doc.roundedRect(x, top, w, height, 8).lineWidth(1).stroke(RULE);

  const qrX = x + w - pad - qrSide;
  doc.image(art.qr, qrX, top + pad, { width: qrSide, height: qrSide });
  write(doc, 'Scan at the entrance', qrX, top + pad + qrSide + 4, {
    size: 8,
    color: MUTED,
    width: qrSide,
    align: 'center',
  });

  const left = x + pad;
  const columnWidth = qrX - pad - left;
  let y = top + pad + 4;
  y = field(doc, 'Ticket type', text.type, left, y, columnWidth, { font: 'Helvetica-Bold', size: 14, lines: 2 });
  y = text.seat
    ? seatBoxes(doc, text.seat, left, y, columnWidth)
    : field(doc, 'Seat', 'General admission', left, y, columnWidth, { font: 'Helvetica-Bold', size: 14 });
  if (text.holder) y = field(doc, 'Ticket holder', text.holder, left, y, columnWidth, { size: 12 });
  y = field(doc, 'Price', text.price, left, y, columnWidth, { size: 12 });
  y = field(doc, 'Order', text.order, left, y, columnWidth, { font: 'Courier', size: 9 });
  field(doc, 'Ticket', text.ticket, left, y, columnWidth, { font: 'Courier', size: 9 });
  return top + height;
}

function field(doc: Doc, label: string, value: string, x: number, y: number, width: number, style: Style): number {
  write(doc, label.toUpperCase(), x, y, { font: 'Helvetica-Bold', size: 7, color: MUTED, spacing: 1, width });
  return y + 11 + write(doc, value, x, y + 11, { ...style, width }) + 11;
}

function seatBoxes(doc: Doc, seat: NonNullable<TicketText['seat']>, x: number, y: number, width: number): number {
  const gap = 6;
  const boxWidth = (width - 2 * gap) / 3;
  const boxes: [string, string][] = [
    ['Section', seat.section],
    ['Row', seat.row],
    ['Seat', seat.label],
  ];
  boxes.forEach(([label, value], i) => {
    const bx = x + i * (boxWidth + gap);
    doc.roundedRect(bx, y, boxWidth, 36, 4).fill(PANEL);
    write(doc, label.toUpperCase(), bx + 7, y + 6, { font: 'Helvetica-Bold', size: 6.5, color: MUTED, spacing: 1 });
    write(doc, value || '-', bx + 7, y + 16, { font: 'Helvetica-Bold', size: 13, width: boxWidth - 14 });
  });
  return y + 36 + 11;
}

// ---- 80 mm thermal ----------------------------------------------------------------------------

const THERMAL = { width: 226.77, margin: 12 };
const THERMAL_QR_MAX = 180;

/** One vertical slice of the thermal layout: measured first, so the page is exactly as long as its content. */
interface Block {
  height: (doc: Doc) => number;
  draw: (doc: Doc, y: number) => void;
}

function drawThermal(doc: Doc, art: TicketArt): void {
  const blocks = thermalBlocks(art);
  const heights = blocks.map((b) => b.height(doc));
  const total = heights.reduce((sum, h) => sum + h, 0);
  doc.addPage({ size: [THERMAL.width, Math.ceil(total + 2 * THERMAL.margin)], margin: 0 });
  let y = THERMAL.margin;
  blocks.forEach((block, i) => {
    block.draw(doc, y);
    y += heights[i];
  });
}

function thermalBlocks({ text, qr, qrModules }: TicketArt): Block[] {
  const center = { width: THERMAL.width - 2 * THERMAL.margin, align: 'center' as const };
  const seat = text.seat
    ? `Sec ${text.seat.section} / Row ${text.seat.row} / Seat ${text.seat.label}`
    : 'General admission';
  const details: [string, string | null][] = [
    ['TYPE', text.type],
    ['SEAT', seat],
    ['NAME', text.holder],
    ['PRICE', text.price],
    ['ORDER', text.order],
    ['TICKET', text.ticket],
  ];
  return [
    textBlock('TESSERA  ADMISSION TICKET', { ...center, font: 'Courier-Bold', size: 8 }, 4),
    ruleBlock(),
    textBlock(text.event, { ...center, font: 'Helvetica-Bold', size: 13, lines: 3 }, 4),
    textBlock(text.date, { ...center, font: 'Helvetica-Bold', size: 9 }, 1),
    textBlock(text.time, { ...center, size: 9 }, 4),
    ...(text.venue ? [textBlock(text.venue, { ...center, size: 8.5, lines: 2 }, 1)] : []),
    ...(text.address ? [textBlock(text.address, { ...center, size: 7.5, lines: 3 }, 0)] : []),
    ruleBlock(),
    qrBlock(qr, qrPoints(qrModules, THERMAL_QR_MAX)),
    ruleBlock(),
    ...details.flatMap(([label, value]) => (value ? [detailBlock(label, value)] : [])),
    ruleBlock(),
    textBlock(text.terms, { ...center, size: 6, align: 'left', lines: 40 }, 0),
  ];
}

function textBlock(value: string, style: Style & { width: number }, gap: number): Block {
  return {
    height: (doc) => measure(doc, value, style) + gap,
    draw: (doc, y) => void write(doc, value, THERMAL.margin, y, style),
  };
}

function detailBlock(label: string, value: string): Block {
  const labelWidth = 40;
  const style: Style = { font: 'Courier', size: 7.5, width: THERMAL.width - 2 * THERMAL.margin - labelWidth, lines: 2 };
  return {
    height: (doc) => measure(doc, value, style) + 2,
    draw: (doc, y) => {
      write(doc, label, THERMAL.margin, y, { font: 'Courier-Bold', size: 7.5, width: labelWidth });
      write(doc, value, THERMAL.margin + labelWidth, y, style);
    },
  };
}

function ruleBlock(): Block {
  return {
    height: () => 10,
    draw: (doc, y) => {
      const line = y + 5;
      doc
        .save()
        .moveTo(THERMAL.margin, line)
        .lineTo(THERMAL.width - THERMAL.margin, line)
        .dash(2, { space: 2 })
        .lineWidth(0.5)
        .stroke(INK)
        .restore();
    },
  };
}

function qrBlock(qr: Buffer, side: number): Block {
  return {
    height: () => side,
    draw: (doc, y) => void doc.image(qr, (THERMAL.width - side) / 2, y, { width: side, height: side }),
  };
}

const PAGE_LAYOUTS: Record<TicketLayout, (doc: Doc, art: TicketArt) => void> = { a4: drawA4, thermal: drawThermal };

// ---- Shared -----------------------------------------------------------------------------------

/**
 * The QR's side in points: a whole number of points per module, so module edges fall on the same
 * grid as the page and nothing is resampled unevenly.
 */
function qrPoints(modules: number, maxSide: number): number {
  return Math.max(1, Math.floor(maxSide / modules)) * modules;
}

interface Style {
  font?: Font;
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'center' | 'right';
  spacing?: number;
  /** Most lines to show; the rest is cut with an ellipsis. */
  lines?: number;
  height?: number;
}

function options(doc: Doc, style: Style): PDFKit.Mixins.TextOptions {
  const size = style.size ?? 10;
  const lineHeight = doc
    .font(style.font ?? 'Helvetica')
    .fontSize(size)
    .currentLineHeight(true);
  const height = style.height ?? (style.lines ?? 1) * lineHeight + 0.5;
  return { width: style.width, align: style.align ?? 'left', characterSpacing: style.spacing, height, ellipsis: true };
}

/** Height the text takes when written with `style`. */
function measure(doc: Doc, value: string, style: Style): number {
  const opts = options(doc, style);
  return Math.min(doc.heightOfString(value, opts), opts.height ?? Infinity);
}

/**
 * Writes text at a fixed place, never past its height (so a long value cannot spill onto a new
 * page), and returns the height it took.
 */
function write(doc: Doc, value: string, x: number, y: number, style: Style): number {
  const height = measure(doc, value, style);
  doc.fillColor(style.color ?? INK).text(value, x, y, options(doc, style));
  return height;
}

function ticketText(t: TicketView): TicketText {
  const { date, time } = formatStart(t.startsAt, t.timezone);
  return {
    event: winAnsi(t.eventName),
    date,
    time,
    venue: t.venueName ? winAnsi(t.venueName) : null,
    address: t.venueAddress ? winAnsi(t.venueAddress) : null,
    type: winAnsi(t.ticketTypeName),
    seat: t.seat ? { section: winAnsi(t.seat.section), row: winAnsi(t.seat.row), label: winAnsi(t.seat.label) } : null,
    holder: t.holderName ? winAnsi(t.holderName) : null,
    price: winAnsi(formatPrice(t.price, t.currency)),
    order: winAnsi(t.purchaseId),
    ticket: winAnsi(t.ticketId),
    terms: winAnsi(t.terms),
  };
}
