import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { accessMask, accessZones, hasAccess } from './access.js';
import { bytesToUuid, fromBase64Url, toBase64Url, uuidToBytes } from './bytes.js';
import { decodeTicketCode, encodeSignedPart, joinCode } from './format.js';
import { TicketCodeError, type TicketCodeReason } from './index.js';

const TICKET = '0b6f0d1e-7a2c-4f1e-9c3d-5e8a1b2c3d4e';
const EVENT = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
/** A well-formed (not validly signed) code: the decoder does not look at the signature. */
const CODE = joinCode(encodeSignedPart({ ticketId: TICKET, eventId: EVENT, access: 1 }, 7), new Uint8Array(64));

function reasonOf(text: unknown): TicketCodeReason | 'ok' {
  try {
    decodeTicketCode(text as string);
    return 'ok';
  } catch (error) {
    if (error instanceof TicketCodeError) return error.reason;
    throw error;
  }
}

describe('base64url', () => {
  it('matches Buffer for every length up to 120 bytes', () => {
    for (let n = 0; n <= 120; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 151 + n * 7) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });
  it('is strict: no padding, no standard alphabet, no stray bits, no whitespace', () => {
    expect(fromBase64Url('AQ')).toEqual(Uint8Array.of(1));
    for (const bad of ['AQ==', 'A', 'a+b/', 'AR', 'AQ ', ' AQ', 'A\nQ', 'Aé', '\u0000\u0000']) {
      expect(fromBase64Url(bad)).toBeNull();
    }
  });
});

describe('UUID bytes', () => {
  it('round-trips and lowercases', () => {
    const bytes = uuidToBytes(EVENT.toUpperCase());
    expect(Buffer.from(bytes).toString('hex')).toBe(EVENT.replaceAll('-', ''));
    expect(bytesToUuid(bytes)).toBe(EVENT);
  });
  it('refuses anything but the canonical form', () => {
    for (const bad of ['', EVENT.replaceAll('-', ''), `{${EVENT}}`, `${EVENT} `, EVENT.replace('f', 'g')]) {
      expect(() => uuidToBytes(bad)).toThrow(TypeError);
    }
    expect(() => bytesToUuid(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('access bits', () => {
  it('maps zones to bits and back', () => {
    expect(accessMask([0, 3])).toBe(0b1001);
    expect(accessZones(0b10001011)).toEqual([0, 1, 3, 7]);
    expect(hasAccess({ access: 0b1000 }, 3)).toBe(true);
    expect(hasAccess(0b1000, 2)).toBe(false);
    expect(() => accessMask([8])).toThrow(RangeError);
  });
});

describe('decodeTicketCode', () => {
  it('reads the fields without verifying', () => {
    expect(CODE).toHaveLength(136);
    expect(decodeTicketCode(CODE)).toEqual({
      version: 1,
      keyId: 7,
      ticketId: TICKET,
      eventId: EVENT,
      access: 1,
      notBefore: null,
      notAfter: null,
    });
  });
  it('ignores surrounding whitespace (scanners often add a line end)', () => {
    expect(reasonOf(`  ${CODE}\r\n`)).toBe('ok');
  });
  it.each([
    ['empty', ''],
    ['only whitespace', ' \r\n'],
    ['one character', 'A'],
    ['garbage', 'hello world'],
    ['padding', `${CODE}==`.slice(2)],
    ['standard base64 alphabet', CODE.replace(/.$/, '+')],
    ['interior whitespace', `${CODE.slice(0, 50)} ${CODE.slice(50)}`],
    ['truncated by one character', CODE.slice(0, -1)],
    ['truncated by three bytes', CODE.slice(0, -4)],
    ['one character too many', `${CODE}A`],
    ['one byte too many', `${CODE}AA`],
    ['overlong', CODE.repeat(3)],
    ['binary', '\u0000\u0001\u0002\u00ff\ufffd'.repeat(30)],
    ['non-ASCII', `${CODE.slice(0, -1)}é`],
    ['a URL', `https://tessera.example/t/${CODE}`],
    [
      'window flag without window',
      (() => {
        const b = fromBase64Url(CODE)!;
        b[0] |= 0x80;
        return toBase64Url(b);
      })(),
    ],
  ])('refuses %s as malformed', (_name, text) => {
    expect(reasonOf(text)).toBe('malformed');
  });
  it('refuses non-strings as malformed', () => {
    for (const value of [undefined, null, 42, {}, new Uint8Array(102)]) expect(reasonOf(value)).toBe('malformed');
  });
  it('refuses other versions and reserved header bits as unsupported_version', () => {
    for (const header of [0x00, 0x02, 0x0f, 0x11, 0x41, 0x81 | 0x20]) {
      const b = fromBase64Url(CODE)!;
      b[0] = header;
      expect(reasonOf(toBase64Url(b))).toBe('unsupported_version');
    }
  });
});

describe('browser safety', () => {
  it('index.ts reaches only its own files, none of which use node:* or Buffer', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').replace(
        /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
        '',
      );
      expect([file, source]).not.toEqual([file, expect.stringMatching(/\bBuffer\b|\brequire\(|\bprocess\./)]);
      for (const [, specifier] of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect([file, specifier]).toEqual([file, expect.stringMatching(/^\.\/[\w-]+\.js$/)]);
        visit(specifier!.slice(2, -3) + '.ts');
      }
    };
    visit('index.ts');
    expect(seen.has('node.ts')).toBe(false);
    expect(seen.size).toBeGreaterThan(5);
  });
});
