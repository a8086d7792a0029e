import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ApiClientActor, UserActor } from '../../platform/auth/actor.js';
import type { ApiKeyAuthenticator } from '../../platform/auth/authenticator.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { PageQueryDto } from '../../platform/http/paging.dto.js';
import { ApiClientEntity } from './api-client.entity.js';
import type { ApiClientDto, ApiClientListDto, CreateApiClientDto, CreatedApiClientDto } from './dto/api-client.dto.js';

const KEY_PATTERN = /^tsk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const invalidKey = () => new DomainError('unauthenticated', 'API_KEY_INVALID', 'The API key is not valid.');

const toDto = (c: ApiClientEntity): ApiClientDto => ({
  id: c.id,
  name: c.name,
  scopes: c.scopes,
  keyPrefix: c.keyPrefix,
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
  revokedAt: c.revokedAt?.toISOString() ?? null,
});

/** Vendor and system integration keys: `tsk_<prefix>_<secret>`, looked up by prefix, compared by SHA-256. */
@Injectable()
export class ApiClientsService implements ApiKeyAuthenticator {
  constructor(
    @InjectRepository(ApiClientEntity) private readonly clients: Repository<ApiClientEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserActor, dto: CreateApiClientDto): Promise<CreatedApiClientDto> {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    const prefix = Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
    const key = `tsk_${prefix}_${randomBytes(32).toString('base64url')}`;
    return this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(ApiClientEntity, {
          name: dto.name.trim(),
          scopes: dto.scopes,
          keyPrefix: prefix,
          keyHash: sha256(key),
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, {
        actor,
        action: 'api_client.created',
        entityType: 'api_client',
        entityId: saved.id,
        after: { name: saved.name, scopes: saved.scopes, keyPrefix: prefix },
      });
      return {
        id: saved.id,
        key,
        name: saved.name,
        scopes: saved.scopes,
        keyPrefix: prefix,
        createdAt: saved.createdAt.toISOString(),
      };
    });
  }

  async list(page: PageQueryDto): Promise<ApiClientListDto> {
    const [rows, total] = await this.clients.findAndCount({
      order: { createdAt: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toDto), total };
  }

  async revoke(actor: UserActor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const result = (await m.query(
        'UPDATE api_clients SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id, name',
        [id],
      )) as [{ id: string; name: string }[], number];
      const row = result[0][0];
      if (!row) {
        const exists = await m.exists(ApiClientEntity, { where: { id } });
        if (!exists) throw new DomainError('not_found', 'API_CLIENT_NOT_FOUND', 'No API client has this id.');
        return; // already revoked: revoking again is harmless
      }
      await this.audit.record(m, {
        actor,
        action: 'api_client.revoked',
        entityType: 'api_client',
        entityId: id,
        after: { name: row.name },
      });
    });
  }

  async authenticate(key: string): Promise<ApiClientActor> {
    const match = KEY_PATTERN.exec(key);
    if (!match) throw invalidKey();
    const client = await this.clients.findOne({ where: { keyPrefix: match[1] } });
    const presented = Buffer.from(sha256(key));
    if (!client || !timingSafeEqual(presented, Buffer.from(client.keyHash))) throw invalidKey();
    if (client.revokedAt) throw new DomainError('unauthenticated', 'API_KEY_REVOKED', 'This API key has been revoked.');
    // At most one write a minute per key, so busy integrations do not hammer the row.
    if (!client.lastUsedAt || Date.now() - client.lastUsedAt.getTime() > 60_000) {
      await this.clients.update({ id: client.id }, { lastUsedAt: new Date() });
    }
    return { kind: 'api_client', clientId: client.id, scopes: client.scopes };
  }
}
