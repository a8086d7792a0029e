import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { encodeTicketCode, generateEventKeyPair } from '../../../../../../libs/ticket-code/src/index.js';
import { renderTicketsPdf, type TicketLayout, type TicketView } from './ticket-pdf.js';
import { qrPng, qrSvg } from './ticket-qr.js';
import { winAnsi } from './ticket-text.js';

const run = promisify(execFile);
/** jsqr is CommonJS whose `module.exports` is the function itself, while its typings declare a default export. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const EVENT_ID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const SEATED_ID = '0b6f0d1e-7a2c-4f1e-9c3d-5e8a1b2c3d4e';
const GA_ID = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';
const TERMS =
  'Valid for one admission. The QR code is checked once at the gate: do not share it. A transferred or reissued ' +
  'ticket replaces this one and this code stops working. Refunds and transfers only through your account.';

let seated: TicketView;
let general: TicketView;

beforeAll(async () => {
  const { privateKey } = await generateEventKeyPair();
  const sign = (ticketId: string, window: boolean) =>
    encodeTicketCode(
      {
        ticketId,
        eventId: EVENT_ID,
        access: 1,
        ...(window ? { notBefore: new Date('2026-06-12T16:00:00Z'), notAfter: new Date('2026-06-13T04:00:00Z') } : {}),
      },
      privateKey,
      7,
    );
  const base = {
    eventName: 'Nordlicht Festival 2026: Closing Night',
    startsAt: '2026-06-12T18:30:00.000Z',
    timezone: 'Europe/Berlin',
    venueName: 'Columbiahalle',
    venueAddress: 'Columbiadamm 13-21, 10965 Berlin, Germany',
    currency: 'EUR',
    purchaseId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    terms: TERMS,
  };
  seated = {
    ...base,
    ticketId: SEATED_ID,
    code: await sign(SEATED_ID, true),
    ticketTypeName: 'Balcony, reserved seating',
    seat: { section: 'B2', row: '14', label: '27' },
    holderName: 'Zoë Müller-Łukasiewicz',
    price: 8950,
  };
  general = {
    ...base,
    ticketId: GA_ID,
    code: await sign(GA_ID, false),
    ticketTypeName: 'Standing',
    seat: null,
    holderName: null,
    price: 4500,
  };
});

/** Runs `work` on the PDF written to a fresh temporary folder. */
async function withPdfFile<T>(pdf: Buffer, work: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-render-'));
  try {
    await writeFile(join(dir, 'tickets.pdf'), pdf);
    return await work(dir, join(dir, 'tickets.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rasterises every page the way a printed ticket would be seen, and reads each page's QR code. */
function scanPages(pdf: Buffer): Promise<(string | null)[]> {
  return withPdfFile(pdf, async (dir, file) => {
    await run('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort(byPageNumber);
    return Promise.all(pages.map(async (page) => decodePng(await readFile(join(dir, page)))));
  });
}

/** The text of each page, whitespace collapsed. */
function pageTexts(pdf: Buffer): Promise<string[]> {
  return withPdfFile(pdf, async (_dir, file) => {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout
      .split('\f')
      .slice(0, -1)
      .map((page) => page.replace(/\s+/g, ' '));
  });
}

function byPageNumber(a: string, b: string): number {
  return Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]);
}

function decodePng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
    m[1].trim().split(/\s+/).map(Number),
  );
}

describe.each<[TicketLayout, (box: number[]) => void]>([
  [
    'a4',
    ([x, y, width, height]) => {
      expect([x, y]).toEqual([0, 0]);
      expect(width).toBeCloseTo(595.28, 2);
      expect(height).toBeCloseTo(841.89, 2);
    },
  ],
  [
    'thermal',
    ([, , width, height]) => {
      expect(width).toBeCloseTo(226.77, 2);
      expect(height).toBeGreaterThan(300);
      expect(height).toBeLessThan(700);
    },
  ],
])('renderTicketsPdf(%s)', (layout, checkPage) => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderTicketsPdf([seated, general], layout);
  });

  it('puts one scannable ticket on each page, in order', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await scanPages(pdf)).toEqual([seated.code, general.code]);
  });

  it("shows the details in the event's time zone and currency", async () => {
    const [first, second] = await pageTexts(pdf);
    for (const text of [first, second]) {
      expect(text).toContain('Nordlicht Festival 2026: Closing Night');
      expect(text).toContain('Friday, 12 June 2026');
      expect(text).toContain('20:30 CEST');
      expect(text).toContain('Columbiadamm 13-21, 10965 Berlin, Germany');
      expect(text).toContain(seated.purchaseId);
      expect(text).toContain('Valid for one admission.');
    }
    expect(first).toContain('Balcony, reserved seating');
    expect(first).toMatch(/B2.*14.*27/);
    expect(first).toContain('Zoë Müller-Lukasiewicz');
    expect(first).toContain('€89.50');
    expect(first).toContain(SEATED_ID);
    expect(second).toContain('General admission');
    expect(second).toContain('€45.00');
    expect(second).toContain(GA_ID);
  });

  it('sizes every page for the layout', () => {
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(2);
    boxes.forEach(checkPage);
  });

  it('renders the same tickets to the same bytes', async () => {
    const again = await renderTicketsPdf([seated, general], layout);
    expect(again.equals(pdf)).toBe(true);
  });

  it('keeps each ticket on one page however long its texts', async () => {
    const long = (word: string) => Array.from({ length: 60 }, () => word).join(' ');
    const wordy = {
      ...seated,
      eventName: long('Festival'),
      venueName: long('Hall'),
      venueAddress: long('Street'),
      ticketTypeName: long('Premium'),
      seat: { section: long('S'), row: long('R'), label: long('L') },
      holderName: long('Name'),
      terms: long(TERMS),
    };
    const out = await renderTicketsPdf([wordy, general], layout);
    expect(mediaBoxes(out)).toHaveLength(2);
    expect(await scanPages(out)).toEqual([seated.code, general.code]);
  });

  it('survives names the standard fonts cannot show', async () => {
    const odd = { ...general, eventName: 'Späti Sessions 🎉 東京', holderName: '👩‍🚀 Ada 李', venueName: 'Ø Club' };
    const out = await renderTicketsPdf([odd], layout);
    expect(await scanPages(out)).toEqual([general.code]);
    const [text] = await pageTexts(out);
    expect(text).toContain('Späti Sessions ? ??');
    expect(text).toContain('? Ada ?');
  });
});

describe('renderTicketsPdf', () => {
  it("uses the currency's own minor units and the event's own zone", async () => {
    const tokyo = { ...general, price: 4500, currency: 'JPY', timezone: 'Asia/Tokyo' };
    const kuwait = { ...general, price: 12345, currency: 'KWD', timezone: 'America/New_York' };
    const [yen, dinar] = await pageTexts(await renderTicketsPdf([tokyo, kuwait], 'a4'));
    expect(yen).toContain('¥4,500');
    expect(yen).toContain('Saturday, 13 June 2026');
    expect(yen).toMatch(/03:30 (GMT\+9|JST)/);
    expect(dinar).toContain('KWD 12.345');
    expect(dinar).toMatch(/14:30 (GMT-4|EDT)/);
  });

  it('refuses an empty list', async () => {
    await expect(renderTicketsPdf([], 'a4')).rejects.toThrow(RangeError);
  });
});

describe('winAnsi', () => {
  it('keeps Latin-1 and Windows-1252 text as it is', () => {
    expect(winAnsi('Zoë Müller – “Größe” €12')).toBe('Zoë Müller – “Größe” €12');
  });

  it('drops accents it cannot show and marks the rest with one ? per character', () => {
    expect(winAnsi('Łukasz Dvořák')).toBe('Lukasz Dvorák');
    expect(winAnsi('Ada 👩‍🚀 李')).toBe('Ada ? ?');
  });

  it('turns the narrow spaces of formatted times into plain ones', () => {
    expect(winAnsi('7:30\u202fPM')).toBe('7:30 PM');
  });
});

describe('ticket QR images', () => {
  it('qrPng decodes back to the code', async () => {
    expect(decodePng(await qrPng(general.code))).toBe(general.code);
    expect(decodePng(await qrPng(seated.code, 4))).toBe(seated.code);
  });

  it('qrSvg is an SVG document', async () => {
    const svg = await qrSvg(general.code);
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).toContain('</svg>');
  });
});
