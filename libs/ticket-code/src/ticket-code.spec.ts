import { beforeAll, describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { fromBase64Url, toBase64Url } from './bytes.js';
import {
  decodeTicketCode,
  derivePublicKey,
  encodeTicketCode,
  exportPublicKey,
  generateEventKeyPair,
  importPrivateKey,
  importPublicKey,
  Keyring,
  TicketCodeError,
  verifyTicketCode,
  type EventKeyPair,
  type TicketCodeReason,
  type VerifyOptions,
} from './index.js';
import { encodeTicketCodeSync, nodePrivateKey, verifyTicketCodeSync } from './node.js';

const TICKET = '0b6f0d1e-7a2c-4f1e-9c3d-5e8a1b2c3d4e';
const EVENT_A = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const EVENT_B = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';
const NOW = new Date('2026-06-12T20:00:00Z');
const WINDOW = { notBefore: new Date('2026-06-12T16:00:00Z'), notAfter: new Date('2026-06-13T04:00:00Z') };

let keyA: EventKeyPair;
let keyB: EventKeyPair;
let keyring: Keyring;

beforeAll(async () => {
  [keyA, keyB] = await Promise.all([generateEventKeyPair(), generateEventKeyPair()]);
  keyring = new Keyring([{ keyId: 1, publicKey: keyA.publicKey, eventId: EVENT_A }]);
});

/** The outcome through both verifiers, which must agree. */
async function outcome(text: string, ring = keyring, now: Date | number = NOW, options: VerifyOptions = {}) {
  const viaWeb = await verifyTicketCode(text, ring, now, options).then(
    () => 'ok',
    (e: unknown) => (e instanceof TicketCodeError ? e.reason : Promise.reject(e)),
  );
  let viaNode: TicketCodeReason | 'ok' = 'ok';
  try {
    verifyTicketCodeSync(text, ring, now, options);
  } catch (e) {
    if (!(e instanceof TicketCodeError)) throw e;
    viaNode = e.reason;
  }
  expect(viaNode).toBe(viaWeb);
  return viaWeb;
}

describe('round trip', () => {
  it('without a validity window: 136 characters', async () => {
    const code = await encodeTicketCode({ ticketId: TICKET, eventId: EVENT_A, access: 0b101 }, keyA.privateKey, 1);
    expect(code).toMatch(/^[A-Za-z0-9_-]{136}$/);
    const expected = { version: 1, keyId: 1, ticketId: TICKET, eventId: EVENT_A, access: 5 };
    expect(decodeTicketCode(code)).toEqual({ ...expected, notBefore: null, notAfter: null });
    expect(await verifyTicketCode(code, keyring)).toEqual({
      ...expected,
      notBefore: null,
      notAfter: null,
      retiredKey: false,
    });
    expect(verifyTicketCodeSync(code, keyring)).toEqual(await verifyTicketCode(code, keyring));
  });
  it('with a validity window: 147 characters, at most 150 (QR version 8 at ECC M)', async () => {
    const fields = { ticketId: TICKET.toUpperCase(), eventId: EVENT_A, access: 255, ...WINDOW };
    const code = await encodeTicketCode(fields, keyA.privateKey, 1);
    expect(code.length).toBe(147);
    expect(code.length).toBeLessThanOrEqual(150);
    expect(QRCode.create(code, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(8);
    expect(QRCode.create(code, { errorCorrectionLevel: 'Q' }).version).toBeLessThanOrEqual(10);
    const verified = await verifyTicketCode(code, keyring, NOW);
    expect(verified).toMatchObject({ ticketId: TICKET, access: 255, ...WINDOW });
  });
  it('rounds window bounds down to whole seconds; a missing bound is open-ended', async () => {
    const code = await encodeTicketCode(
      { ticketId: TICKET, eventId: EVENT_A, access: 1, notAfter: new Date('2026-06-13T04:00:00.999Z') },
      keyA.privateKey,
      1,
    );
    expect(decodeTicketCode(code)).toMatchObject({ notBefore: new Date(0), notAfter: WINDOW.notAfter });
  });
  it('the node:crypto path writes the same codes, from a seed or a KeyObject', async () => {
    const fields = { ticketId: TICKET, eventId: EVENT_A, access: 3, ...WINDOW };
    const web = await encodeTicketCode(fields, keyA.privateKey, 1);
    expect(encodeTicketCodeSync(fields, keyA.privateKey, 1)).toBe(web);
    expect(encodeTicketCodeSync(fields, nodePrivateKey(keyA.privateKeyBytes), 1)).toBe(web);
    expect(await encodeTicketCode(fields, await importPrivateKey(keyA.privateKey), 1)).toBe(web);
  });
  it('refuses invalid fields when encoding', async () => {
    const ok = { ticketId: TICKET, eventId: EVENT_A, access: 1 };
    const key = keyA.privateKey;
    await expect(encodeTicketCode({ ...ok, ticketId: 'nope' }, key, 1)).rejects.toThrow(TypeError);
    await expect(encodeTicketCode({ ...ok, access: 256 }, key, 1)).rejects.toThrow(RangeError);
    await expect(encodeTicketCode(ok, key, 2 ** 32)).rejects.toThrow(RangeError);
    await expect(encodeTicketCode(ok, key, -1)).rejects.toThrow(RangeError);
    await expect(
      encodeTicketCode({ ...ok, notBefore: WINDOW.notAfter, notAfter: WINDOW.notBefore }, key, 1),
    ).rejects.toThrow(RangeError);
    await expect(encodeTicketCode({ ...ok, notAfter: new Date(NaN) }, key, 1)).rejects.toThrow(RangeError);
    await expect(encodeTicketCode(ok, 'short', 1)).rejects.toThrow(TypeError);
  });
});

describe('keys', () => {
  it('generates pairs whose forms agree', async () => {
    expect(keyA.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyA.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyA.publicKey).not.toBe(keyB.publicKey);
    expect(await derivePublicKey(keyA.privateKey)).toBe(keyA.publicKey);
    expect(await exportPublicKey(await importPublicKey(keyA.publicKey))).toBe(keyA.publicKey);
    expect(await exportPublicKey(keyA.publicKeyBytes)).toBe(keyA.publicKey);
  });
});

describe('tampering', () => {
  let code: string;
  beforeAll(async () => {
    code = await encodeTicketCode({ ticketId: TICKET, eventId: EVENT_A, access: 1, ...WINDOW }, keyA.privateKey, 1);
  });
  it('accepts the untouched code', async () => {
    expect(await outcome(code)).toBe('ok');
  });
  it('refuses a change to any bit of any byte', async () => {
    // Bytes: 0 header, 1-4 key id, 5-20 ticket, 21-36 event, 37 access, 38-45 window, 46-109 signature.
    const unbound = new Keyring([{ keyId: 1, publicKey: keyA.publicKey }]);
    const bytes = fromBase64Url(code)!;
    expect(bytes.length).toBe(110);
    for (let i = 0; i < bytes.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const tampered = bytes.slice();
        tampered[i] ^= bit;
        const text = toBase64Url(tampered);
        const expected =
          i === 0 ? (bit === 0x80 ? 'malformed' : 'unsupported_version') : i <= 4 ? 'unknown_key' : 'bad_signature';
        expect([i, bit, await outcome(text, unbound)]).toEqual([i, bit, expected]);
        // With the key bound to its event, a changed event id already fails the key lookup.
        const bound = i >= 21 && i <= 36 ? 'unknown_key' : expected;
        expect([i, bit, await outcome(text)]).toEqual([i, bit, bound]);
      }
    }
  });
  it('never accepts a code with any one character replaced', async () => {
    for (let i = 0; i < code.length; i++) {
      const c = code[i] === 'A' ? 'B' : 'A';
      expect([i, await outcome(code.slice(0, i) + c + code.slice(i + 1))]).not.toEqual([i, 'ok']);
    }
  });
  it('refuses truncated, overlong, garbage, empty and binary text as malformed', async () => {
    for (const text of [code.slice(0, -2), code.slice(0, 136), `${code}AAAA`, 'garbage!', '', '\u0000\u0001\u00fe']) {
      expect(await outcome(text)).toBe('malformed');
    }
  });
});

describe('keyring', () => {
  const fields = { ticketId: TICKET, eventId: EVENT_B, access: 1 };
  it("refuses another event's code: unknown key id, or a known id with the wrong key", async () => {
    expect(await outcome(await encodeTicketCode(fields, keyB.privateKey, 2))).toBe('unknown_key');
    expect(await outcome(await encodeTicketCode({ ...fields, eventId: EVENT_A }, keyB.privateKey, 1))).toBe(
      'bad_signature',
    );
  });
  it('a key bound to one event does not vouch for another', async () => {
    expect(await outcome(await encodeTicketCode(fields, keyA.privateKey, 1))).toBe('unknown_key');
    const unbound = new Keyring([{ keyId: 1, publicKey: keyA.publicKeyBytes }]);
    expect(await outcome(await encodeTicketCode(fields, keyA.privateKey, 1), unbound)).toBe('ok');
  });
  it('a retired key still verifies; a removed key is unknown', async () => {
    const ring = new Keyring([
      { keyId: 1, publicKey: keyA.publicKey, eventId: EVENT_A },
      { keyId: 2, publicKey: keyB.publicKey, eventId: EVENT_A, retired: true },
    ]);
    const old = await encodeTicketCode({ ...fields, eventId: EVENT_A }, keyB.privateKey, 2);
    expect(await verifyTicketCode(old, ring, NOW)).toMatchObject({ keyId: 2, retiredKey: true });
    expect(verifyTicketCodeSync(old, ring, NOW)).toMatchObject({ keyId: 2, retiredKey: true });
    const current = await encodeTicketCode({ ...fields, eventId: EVENT_A }, keyA.privateKey, 1);
    expect(ring.retire(1)).toBe(true);
    expect(await verifyTicketCode(current, ring, NOW)).toMatchObject({ keyId: 1, retiredKey: true });
    expect(ring.remove(2)).toBe(true);
    expect(await outcome(old, ring)).toBe('unknown_key');
    expect(ring.retire(2)).toBe(false);
  });
  it('survives a JSON round trip', async () => {
    const ring = Keyring.fromJSON(JSON.parse(JSON.stringify({ keys: keyring })));
    expect(ring.toJSON()).toEqual([{ keyId: 1, publicKey: keyA.publicKey, eventId: EVENT_A, retired: false }]);
    expect(() => new Keyring([{ keyId: 3, publicKey: 'AAAA' }])).toThrow(TypeError);
    expect(() => new Keyring([{ keyId: 1.5, publicKey: keyA.publicKey }])).toThrow(RangeError);
  });
});

describe('checks after the signature', () => {
  let plain: string;
  let windowed: string;
  beforeAll(async () => {
    plain = await encodeTicketCode({ ticketId: TICKET, eventId: EVENT_A, access: 1 }, keyA.privateKey, 1);
    windowed = await encodeTicketCode({ ticketId: TICKET, eventId: EVENT_A, access: 1, ...WINDOW }, keyA.privateKey, 1);
  });
  it('revoked tickets', async () => {
    expect(await outcome(plain, keyring, NOW, { revoked: new Set([TICKET]) })).toBe('revoked');
    expect(await outcome(plain, keyring, NOW, { revoked: new Set([EVENT_B]) })).toBe('ok');
  });
  it('revocation and the window are only judged on a genuine code', async () => {
    const forged = fromBase64Url(windowed)!;
    forged[109] ^= 1;
    const options = { revoked: new Set([TICKET]) };
    expect(await outcome(toBase64Url(forged), keyring, new Date(0), options)).toBe('bad_signature');
  });
  it('the event being scanned', async () => {
    expect(await outcome(plain, keyring, NOW, { eventId: EVENT_A.toUpperCase() })).toBe('ok');
    expect(await outcome(plain, keyring, NOW, { eventId: EVENT_B })).toBe('wrong_event');
  });
  it('the validity window: notBefore inclusive, notAfter exclusive', async () => {
    const at = (iso: string) => new Date(iso);
    expect(await outcome(windowed, keyring, at('2026-06-12T15:59:59.999Z'))).toBe('not_yet_valid');
    expect(await outcome(windowed, keyring, at('2026-06-12T16:00:00Z'))).toBe('ok');
    expect(await outcome(windowed, keyring, at('2026-06-13T03:59:59.999Z').getTime())).toBe('ok');
    expect(await outcome(windowed, keyring, at('2026-06-13T04:00:00Z'))).toBe('expired');
    expect(await outcome(plain, keyring, new Date('2099-01-01'))).toBe('ok');
  });
  it('leeway for scanner clocks', async () => {
    const options = { leewaySeconds: 120 };
    expect(await outcome(windowed, keyring, new Date('2026-06-12T15:58:00Z'), options)).toBe('ok');
    expect(await outcome(windowed, keyring, new Date('2026-06-12T15:57:59Z'), options)).toBe('not_yet_valid');
    expect(await outcome(windowed, keyring, new Date('2026-06-13T04:01:59Z'), options)).toBe('ok');
    expect(await outcome(windowed, keyring, new Date('2026-06-13T04:02:00Z'), options)).toBe('expired');
    const later = new Date('2030-01-01');
    await expect(verifyTicketCode(windowed, keyring, later, { leewaySeconds: NaN })).rejects.toThrow(RangeError);
    await expect(verifyTicketCode(windowed, keyring, new Date(NaN))).rejects.toThrow(RangeError);
    expect(() => verifyTicketCodeSync(windowed, keyring, later, { leewaySeconds: -1 })).toThrow(RangeError);
  });
  it('defaults now to the current time', async () => {
    const around = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 60_000) };
    const code = await encodeTicketCode(
      { ticketId: TICKET, eventId: EVENT_A, access: 1, ...around },
      keyA.privateKey,
      1,
    );
    await expect(verifyTicketCode(code, keyring)).resolves.toMatchObject({ ticketId: TICKET });
    await expect(verifyTicketCode(windowed, keyring)).rejects.toMatchObject({ reason: 'expired' });
  });
});
