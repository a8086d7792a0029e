import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/**
 * QR images of a ticket code. The code is base64url, so it goes in byte mode: about 140 characters
 * fit version 8 (49x49 modules) at error correction M, which survives a creased or smudged print.
 * The four-module quiet zone is part of every image so a scanner finds the code on any background.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** Pixels per module of the PNG: large enough that scaling it onto a page or screen stays sharp. */
export const QR_PNG_SCALE = 10;

/**
 * A PNG of the code, `scale` pixels per module: an 8-bit greyscale image compressed by zlib's
 * native deflate (the generic PNG encoder filters pixel by pixel in JavaScript, about a hundred
 * times slower).
 */
export async function qrPng(code: string, scale = QR_PNG_SCALE): Promise<Buffer> {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel });
  const side = (modules.size + 2 * OPTIONS.margin) * scale;
  const rows = Buffer.alloc(side * (side + 1), 0xff);
  for (let y = 0; y < side; y++) {
    rows[y * (side + 1)] = 0; // filter: none
    const r = Math.floor(y / scale) - OPTIONS.margin;
    if (r < 0 || r >= modules.size) continue;
    for (let x = 0; x < side; x++) {
      const c = Math.floor(x / scale) - OPTIONS.margin;
      if (c >= 0 && c < modules.size && modules.get(r, c)) rows[y * (side + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A standalone SVG of the code (square, quiet zone included). */
export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { ...OPTIONS, type: 'svg' });
}

/** Modules along one side of the code's image, quiet zone included. */
export function qrSideModules(code: string): number {
  return QRCode.create(code, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel }).modules.size + 2 * OPTIONS.margin;
}
