import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  decodeTicketCode,
  derivePublicKey,
  encodeTicketCode,
  Keyring,
  TicketCodeError,
  verifyTicketCode,
  type TicketCodeReason,
} from './index.js';
import { encodeTicketCodeSync, verifyTicketCodeOffThread, verifyTicketCodeSync } from './node.js';

interface Vectors {
  keys: { keyId: number; seed: string; publicKey: string }[];
  valid: {
    name: string;
    keyId: number;
    now: string;
    fields: { ticketId: string; eventId: string; access: number; notBefore: string | null; notAfter: string | null };
    signedHex: string;
    code: string;
  }[];
  invalid: { name: string; code: string; reason: TicketCodeReason; now?: string }[];
}

const vectors = JSON.parse(readFileSync(new URL('./test-vectors.json', import.meta.url), 'utf8')) as Vectors;
const keyring = new Keyring(vectors.keys);
const seedOf = (keyId: number) => vectors.keys.find((k) => k.keyId === keyId)!.seed;
const date = (iso: string | null) => (iso === null ? undefined : new Date(iso));

describe('test vectors', () => {
  it('are there', () => {
    expect(vectors.valid.length).toBeGreaterThanOrEqual(3);
    expect(vectors.invalid.length).toBeGreaterThanOrEqual(8);
  });

  it.each(vectors.keys.map((k) => [k.keyId, k] as const))(
    'key %d: the seed gives the published public key',
    async (_id, k) => {
      expect(await derivePublicKey(k.seed)).toBe(k.publicKey);
    },
  );

  describe.each(vectors.valid.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const fields = {
      ticketId: v.fields.ticketId,
      eventId: v.fields.eventId,
      access: v.fields.access,
      notBefore: date(v.fields.notBefore),
      notAfter: date(v.fields.notAfter),
    };
    const decoded = {
      ...fields,
      version: 1,
      keyId: v.keyId,
      notBefore: fields.notBefore ?? null,
      notAfter: fields.notAfter ?? null,
    };

    it('is reproduced exactly by both signers', async () => {
      expect(await encodeTicketCode(fields, seedOf(v.keyId), v.keyId)).toBe(v.code);
      expect(encodeTicketCodeSync(fields, seedOf(v.keyId), v.keyId)).toBe(v.code);
    });
    it('decodes to its fields', () => {
      expect(decodeTicketCode(v.code)).toEqual(decoded);
    });
    it('verifies through every verifier', async () => {
      const expected = { ...decoded, retiredKey: false };
      expect(await verifyTicketCode(v.code, keyring, new Date(v.now))).toEqual(expected);
      expect(verifyTicketCodeSync(v.code, keyring, new Date(v.now))).toEqual(expected);
      expect(await verifyTicketCodeOffThread(v.code, keyring, new Date(v.now))).toEqual(expected);
    });
    it('checks out with Buffer and node:crypto alone (layout: signed bytes, then the signature)', () => {
      const bytes = Buffer.from(v.code, 'base64url');
      expect(bytes.toString('base64url')).toBe(v.code);
      const signed = bytes.subarray(0, bytes.length - 64);
      expect(signed.toString('hex')).toBe(v.signedHex);
      const publicKey = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: vectors.keys.find((k) => k.keyId === v.keyId)!.publicKey },
        format: 'jwk',
      });
      expect(verify(null, signed, publicKey, bytes.subarray(bytes.length - 64))).toBe(true);
      expect(signed.readUInt32BE(1)).toBe(v.keyId);
      expect(signed.subarray(21, 37).toString('hex')).toBe(v.fields.eventId.replaceAll('-', ''));
    });
  });

  it.each(vectors.invalid.map((v) => [v.name, v] as const))('%s: refused', async (_name, v) => {
    const now = new Date(v.now ?? vectors.valid[0]!.now);
    await expect(verifyTicketCode(v.code, keyring, now)).rejects.toMatchObject({ reason: v.reason });
    let reason: string | undefined;
    try {
      verifyTicketCodeSync(v.code, keyring, now);
    } catch (e) {
      reason = e instanceof TicketCodeError ? e.reason : String(e);
    }
    expect(reason).toBe(v.reason);
    await expect(verifyTicketCodeOffThread(v.code, keyring, now)).rejects.toMatchObject({ reason: v.reason });
  });
});
