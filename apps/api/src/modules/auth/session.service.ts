import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { KV_STORE, PUB_SUB, type KeyValueStore, type PubSub } from '../../platform/store/store.js';
import type { StaffRole } from './user.entity.js';

interface SessionRecord {
  userId: string;
  /** Generation of the live refresh token; older generations are rotated-out tokens. */
  gen: number;
  secretHash: string;
  epoch: number;
  createdAt: string;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  roles: StaffRole[];
  typ: 'access';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A live session is remembered this long by each instance, so an authenticated request does not
 * cost two store round trips. Ending sessions is broadcast (pub/sub) and forgotten at once
 * everywhere; only an instance that misses the broadcast (its subscription down) can accept an
 * ended session's access token for at most this long.
 */
const ACTIVE_CACHE_MS = 5_000;
const ACTIVE_CACHE_MAX = 50_000;
const ENDED_CHANNEL = 'sessions:ended';

const invalidRefresh = () =>
  new DomainError('unauthenticated', 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or its session has ended.');

/**
 * The Session Manager. Sessions live in the key-value store (Redis in production) so every API
 * instance sees a logout or a revocation at once. Refresh tokens are `<session>.<generation>.<secret>`;
 * each refresh bumps the generation, and presenting an older generation revokes the whole session
 * (someone replayed a stolen token).
 */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private readonly active = new Map<string, { userId: string; until: number }>();
  /** Bumped by every forget, so a lookup that raced an ending is not remembered. */
  private forgets = 0;
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    @Inject(KV_STORE) private readonly store: KeyValueStore,
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(ENDED_CHANNEL, (message) => this.forget(message)).catch(() => null);
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.().catch(() => undefined);
  }

  async start(userId: string, roles: StaffRole[]): Promise<{ accessToken: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const record: SessionRecord = {
      userId,
      gen: 1,
      secretHash: sha256(secret),
      epoch: await this.epoch(userId),
      createdAt: new Date().toISOString(),
    };
    await this.store.set(this.key(sessionId), JSON.stringify(record), this.config.auth.refreshTokenTtlSeconds);
    return { accessToken: await this.accessToken(userId, sessionId, roles), refreshToken: `${sessionId}.1.${secret}` };
  }

  /** Rotates the refresh token. `currentRoles` re-reads roles so a role change shows in the next access token. */
  async refresh(
    refreshToken: string,
    currentRoles: (userId: string) => Promise<StaffRole[] | null>,
  ): Promise<{ accessToken: string; refreshToken: string }> {
    const match = /^([0-9a-f-]{36})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/.exec(refreshToken);
    if (!match) throw invalidRefresh();
    const [, sessionId, genText, secret] = match;
    const gen = Number(genText);
    const raw = await this.store.get(this.key(sessionId));
    if (!raw) throw invalidRefresh();
    const record = JSON.parse(raw) as SessionRecord;
    if (gen < record.gen) {
      await this.end(sessionId);
      throw new DomainError(
        'unauthenticated',
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used. The session has been ended for safety; sign in again.',
      );
    }
    if (gen !== record.gen || !sameHash(sha256(secret), record.secretHash)) throw invalidRefresh();
    if (record.epoch !== (await this.epoch(record.userId))) throw invalidRefresh();
    const roles = await currentRoles(record.userId);
    if (!roles) throw invalidRefresh();

    const nextSecret = randomBytes(32).toString('base64url');
    const next: SessionRecord = { ...record, gen: gen + 1, secretHash: sha256(nextSecret) };
    const swapped = await this.store.compareAndSet(
      this.key(sessionId),
      raw,
      JSON.stringify(next),
      this.config.auth.refreshTokenTtlSeconds,
    );
    if (!swapped) {
      // Another refresh with the same token won the race: that is a reuse too.
      await this.end(sessionId);
      throw new DomainError(
        'unauthenticated',
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; sign in again.',
      );
    }
    return {
      accessToken: await this.accessToken(record.userId, sessionId, roles),
      refreshToken: `${sessionId}.${next.gen}.${nextSecret}`,
    };
  }

  async end(sessionId: string): Promise<void> {
    await this.store.del(this.key(sessionId));
    await this.ended(`s:${sessionId}`);
  }

  /** Ends every session of a user (disabled, roles changed) without listing them. */
  async endAllFor(userId: string): Promise<void> {
    const next = (await this.epoch(userId)) + 1;
    await this.store.set(this.epochKey(userId), String(next));
    await this.ended(`u:${userId}`);
  }

  /** True while the session behind an access token is live; checked on every authenticated request. */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const known = this.active.get(sessionId);
    if (known && known.userId === userId && known.until > Date.now()) return true;
    const forgets = this.forgets;
    const raw = await this.store.get(this.key(sessionId));
    if (!raw) return false;
    const record = JSON.parse(raw) as SessionRecord;
    const live = record.userId === userId && record.epoch === (await this.epoch(userId));
    if (live && forgets === this.forgets) {
      if (this.active.size >= ACTIVE_CACHE_MAX) this.active.clear();
      this.active.set(sessionId, { userId, until: Date.now() + ACTIVE_CACHE_MS });
    }
    return live;
  }

  /** Forgets ended sessions here at once, and tells the other instances. */
  private async ended(message: string): Promise<void> {
    this.forget(message);
    await this.pubsub.publish(ENDED_CHANNEL, message).catch(() => undefined);
  }

  /** `s:<session id>` or `u:<user id>` (every session of the user). */
  private forget(message: string): void {
    this.forgets++;
    const id = message.slice(2);
    if (message.startsWith('s:')) {
      this.active.delete(id);
      return;
    }
    for (const [sessionId, entry] of this.active) if (entry.userId === id) this.active.delete(sessionId);
  }

  private accessToken(userId: string, sessionId: string, roles: StaffRole[]): Promise<string> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, roles, typ: 'access' };
    return this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.config.auth.accessTokenTtlSeconds });
  }

  private async epoch(userId: string): Promise<number> {
    return Number((await this.store.get(this.epochKey(userId))) ?? '0');
  }

  private key(sessionId: string) {
    return `session:${sessionId}`;
  }
  private epochKey(userId: string) {
    return `user-epoch:${userId}`;
  }
}
