import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/** jsqr is CommonJS whose `module.exports` is the function itself, while its typings declare a default export. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Renders each page of a PDF with pdftoppm and decodes the QR on it: what a gate scanner would read. */
export async function decodePdfQrs(pdf: Buffer): Promise<(string | null)[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    // Asynchronous: the API under test shares this process and must keep answering meanwhile.
    await promisify(execFile)('pdftoppm', ['-r', '150', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => {
        const png = PNG.sync.read(readFileSync(join(dir, f)));
        return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF attachments of a raw MIME message (base64 parts with an application/pdf type). */
export function pdfAttachments(raw: string): Buffer[] {
  const out: Buffer[] = [];
  const part = /Content-Type: application\/pdf[^\r\n]*(?:\r?\n[^\r\n]+)*\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g;
  for (const m of raw.matchAll(part)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}
