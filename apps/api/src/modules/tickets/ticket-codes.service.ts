import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeTicketCode, generateEventKeyPair } from '../../../../../libs/ticket-code/src/index.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { encodeTicketCodeSync, nodePrivateKey } from '../../../../../libs/ticket-code/src/node.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';

export interface PublicSigningKey {
  keyId: number;
  eventId: string;
  publicKey: string;
  retired: boolean;
}

const b64 = (b: Buffer) => b.toString('base64url');

/** How long an instance signs with a key it loaded before looking again (a rotation elsewhere takes effect). */
const KEY_CACHE_MS = 60_000;

interface LoadedKey {
  id: number;
  key: KeyObject;
  until: number;
}

/**
 * The QR Code Service's signing side: one Ed25519 key per event, made on first issuance, its seed
 * encrypted at rest; codes signed with node:crypto (tens of thousands per second).
 */
@Injectable()
export class TicketCodesService {
  private readonly secret: Buffer;
  private readonly keys = new Map<string, LoadedKey>();
  private readonly loading = new Map<string, Promise<LoadedKey>>();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = createHash('sha256').update(config.ticketSigningSecret).digest();
  }

  /** Signs codes for freshly issued tickets, in the issuing transaction. Access bit 0 = general admission. */
  async sign(m: EntityManager, eventId: string, tickets: { id: string; access?: number }[]): Promise<string[]> {
    if (tickets.length === 0) return [];
    const key = await this.activeKey(m, eventId);
    return tickets.map((t) =>
      encodeTicketCodeSync({ ticketId: t.id, eventId, access: t.access ?? 1 }, key.key, key.id),
    );
  }

  /** Signs outside any transaction: the event's key is loaded (or made) once per instance, in its own transaction. */
  async signNow(eventId: string, tickets: { id: string; access?: number }[]): Promise<string[]> {
    let key = this.keys.get(eventId);
    if (!key || key.until <= Date.now()) {
      let loading = this.loading.get(eventId);
      if (!loading) {
        loading = this.ds.transaction((m) => this.activeKey(m, eventId)).finally(() => this.loading.delete(eventId));
        this.loading.set(eventId, loading);
      }
      key = await loading;
    }
    const { id, key: privateKey } = key;
    return tickets.map((t) => encodeTicketCodeSync({ ticketId: t.id, eventId, access: t.access ?? 1 }, privateKey, id));
  }

  /**
   * Retires the event's active key: codes it signed keep verifying, new tickets get a new key.
   * Other instances drop their copy of the key within KEY_CACHE_MS.
   */
  async rotate(eventId: string): Promise<PublicSigningKey[]> {
    await this.ds.query(
      "UPDATE ticket_signing_keys SET status = 'retired', retired_at = now() WHERE event_id = $1 AND status = 'active'",
      [eventId],
    );
    this.keys.delete(eventId);
    return this.publicKeys(eventId);
  }

  /** Removes a retired key; refused while a valid ticket still carries a code it signed (reissue those first). */
  async remove(eventId: string, keyId: number): Promise<void> {
    const [key] = (await this.ds.query('SELECT status FROM ticket_signing_keys WHERE id = $1 AND event_id = $2', [
      keyId,
      eventId,
    ])) as { status: string }[];
    if (!key) throw new DomainError('not_found', 'KEY_NOT_FOUND', 'This event has no key with this id.');
    if (key.status === 'active')
      throw new DomainError('conflict', 'KEY_ACTIVE', 'Rotate the key first; only retired keys can be removed.');
    const codes = (await this.ds.query(
      "SELECT code FROM issued_tickets WHERE event_id = $1 AND status = 'valid' AND code IS NOT NULL",
      [eventId],
    )) as { code: string }[];
    const inUse = codes.filter((c) => {
      try {
        return decodeTicketCode(c.code).keyId === keyId;
      } catch {
        return false;
      }
    }).length;
    if (inUse > 0)
      throw new DomainError(
        'conflict',
        'KEY_IN_USE',
        `${inUse} valid ticket(s) still carry codes signed with this key; reissue them first.`,
        { tickets: inUse },
      );
    await this.ds.query('DELETE FROM ticket_signing_keys WHERE id = $1', [keyId]);
  }

  /** The public keys scanners need to verify this event's codes offline. */
  async publicKeys(eventId: string): Promise<PublicSigningKey[]> {
    const rows = (await this.ds.query(
      'SELECT id, event_id AS "eventId", public_key AS "publicKey", status FROM ticket_signing_keys WHERE event_id = $1 ORDER BY id',
      [eventId],
    )) as { id: number; eventId: string; publicKey: string; status: string }[];
    return rows.map((r) => ({
      keyId: r.id,
      eventId: r.eventId,
      publicKey: r.publicKey,
      retired: r.status !== 'active',
    }));
  }

  private async activeKey(m: EntityManager, eventId: string): Promise<LoadedKey> {
    const cached = this.keys.get(eventId);
    if (cached && cached.until > Date.now()) return cached;
    let [row] = (await m.query(
      "SELECT id, private_key_encrypted AS enc FROM ticket_signing_keys WHERE event_id = $1 AND status = 'active'",
      [eventId],
    )) as { id: number; enc: string }[];
    if (!row) {
      // First tickets of the event: make its key, once (the partial unique index is the backstop).
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`signing-key:${eventId}`]);
      [row] = (await m.query(
        "SELECT id, private_key_encrypted AS enc FROM ticket_signing_keys WHERE event_id = $1 AND status = 'active'",
        [eventId],
      )) as { id: number; enc: string }[];
      if (!row) {
        const pair = await generateEventKeyPair();
        [row] = (await m.query(
          'INSERT INTO ticket_signing_keys (event_id, public_key, private_key_encrypted) VALUES ($1, $2, $3) RETURNING id, private_key_encrypted AS enc',
          [eventId, pair.publicKey, this.encrypt(Buffer.from(pair.privateKeyBytes))],
        )) as { id: number; enc: string }[];
      }
    }
    let seed: Buffer;
    try {
      seed = this.decrypt(row.enc);
    } catch {
      // Sealed under another TICKET_SIGNING_SECRET: retire it (its codes still verify) and start a new key.
      await m.query("UPDATE ticket_signing_keys SET status = 'retired', retired_at = now() WHERE id = $1", [row.id]);
      return this.activeKey(m, eventId);
    }
    const entry = { id: row.id, key: nodePrivateKey(new Uint8Array(seed)), until: Date.now() + KEY_CACHE_MS };
    this.keys.set(eventId, entry);
    return entry;
  }

  private encrypt(seed: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([cipher.update(seed), cipher.final()]);
    return `${b64(iv)}.${b64(body)}.${b64(cipher.getAuthTag())}`;
  }

  private decrypt(text: string): Buffer {
    const [iv, body, tag] = text.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.secret, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }
}
