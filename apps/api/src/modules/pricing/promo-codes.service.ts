import { Injectable } from '@nestjs/common';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { EventsService } from '../events/events.service.js';
import { QuotaService } from '../tickets/quota.service.js';
import type {
  CreatePromoCodeDto,
  PromoCodeDto,
  PromoCodeListDto,
  PromoCodeQueryDto,
  UpdatePromoCodeDto,
} from './dto/promo-code.dto.js';
import { type PromoRow, PricingRepository } from './pricing.repository.js';

const promoNotFound = () => new DomainError('not_found', 'PROMO_NOT_FOUND', 'No promo code has this id.');

const toDto = (p: PromoRow): PromoCodeDto => ({
  id: p.id,
  eventId: p.eventId,
  code: p.code,
  kind: p.kind,
  value: p.value,
  ticketTypeIds: p.ticketTypeIds,
  unlocksTicketTypeIds: p.unlocksTicketTypeIds,
  maxUses: p.maxUses,
  used: p.used,
  maxUsesPerCustomer: p.maxUsesPerCustomer,
  validFrom: p.validFrom ? new Date(p.validFrom).toISOString() : null,
  validUntil: p.validUntil ? new Date(p.validUntil).toISOString() : null,
  stackable: p.stackable,
  active: p.active,
  createdAt: new Date(p.createdAt).toISOString(),
});

/** Promo codes and vouchers of an event: created, listed and switched off by event managers. */
@Injectable()
export class PromoCodesService {
  constructor(
    private readonly repo: PricingRepository,
    private readonly events: EventsService,
    private readonly quota: QuotaService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserActor, eventId: string, dto: CreatePromoCodeDto): Promise<PromoCodeDto> {
    await this.events.facts(eventId).catch(() => {
      throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    });
    const problem = (code: string, field: string, message: string) =>
      new DomainError('unprocessable', code, message, { errors: [{ field, message }] });
    if (dto.kind === 'percent' && dto.value > 100)
      throw problem('PROMO_VALUE_INVALID', 'value', 'A percentage is at most 100.');
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : null;
    const validUntil = dto.validUntil ? new Date(dto.validUntil) : null;
    if (validFrom && validUntil && validUntil <= validFrom)
      throw problem('PROMO_WINDOW_INVALID', 'validUntil', 'validUntil must be after validFrom.');
    const ticketTypeIds = dto.ticketTypeIds ?? [];
    const unlocks = dto.unlocksTicketTypeIds ?? [];
    const types = await this.quota.forSale(this.tx.manager, [...new Set([...ticketTypeIds, ...unlocks])]);
    for (const [field, ids] of [
      ['ticketTypeIds', ticketTypeIds],
      ['unlocksTicketTypeIds', unlocks],
    ] as const) {
      if (ids.some((id) => types.get(id)?.eventId !== eventId))
        throw problem('TICKET_TYPE_NOT_IN_EVENT', field, 'A ticket type is not part of this event.');
    }
    if (unlocks.some((id) => types.get(id)?.unlockCodeHash === null))
      throw problem(
        'VOUCHER_TYPE_NOT_HIDDEN',
        'unlocksTicketTypeIds',
        'A voucher unlocks hidden ticket types (give the type an unlock code first).',
      );
    if (dto.value === 0 && unlocks.length === 0)
      throw problem('PROMO_VALUE_INVALID', 'value', 'A code that takes nothing off must unlock a ticket type.');
    const id = await this.tx.run(async (m) => {
      const created = await this.repo.insertPromo(m, {
        eventId,
        code: dto.code.toUpperCase(),
        kind: dto.kind,
        value: dto.value,
        ticketTypeIds,
        unlocksTicketTypeIds: unlocks,
        maxUses: dto.maxUses ?? null,
        maxUsesPerCustomer: dto.maxUsesPerCustomer ?? null,
        validFrom,
        validUntil,
        stackable: dto.stackable ?? false,
      });
      if (!created)
        throw new DomainError(
          'conflict',
          'PROMO_CODE_TAKEN',
          `This event already has the code ${dto.code.toUpperCase()}.`,
        );
      await this.audit.record(m, {
        actor,
        action: 'promo_code.created',
        entityType: 'promo_code',
        entityId: created,
        after: {
          eventId,
          code: dto.code.toUpperCase(),
          kind: dto.kind,
          value: dto.value,
          maxUses: dto.maxUses ?? null,
        },
      });
      return created;
    });
    return this.get(id);
  }

  private async get(id: string): Promise<PromoCodeDto> {
    const p = await this.repo.promo(this.tx.manager, id);
    if (!p) throw promoNotFound();
    return toDto(p);
  }

  async list(eventId: string, query: PromoCodeQueryDto): Promise<PromoCodeListDto> {
    const { rows, total } = await this.repo.listPromos(this.tx.manager, eventId, query.limit, query.offset);
    return { items: rows.map(toDto), total };
  }

  async update(actor: UserActor, id: string, dto: UpdatePromoCodeDto): Promise<PromoCodeDto> {
    await this.tx.run(async (m) => {
      const before = await this.repo.promo(m, id);
      if (!before) throw promoNotFound();
      const next = {
        active: dto.active ?? before.active,
        maxUses: dto.maxUses !== undefined ? dto.maxUses : before.maxUses,
        validUntil:
          dto.validUntil !== undefined ? (dto.validUntil ? new Date(dto.validUntil) : null) : before.validUntil,
      };
      if (next.validUntil && before.validFrom && next.validUntil <= before.validFrom)
        throw new DomainError('unprocessable', 'PROMO_WINDOW_INVALID', 'validUntil must be after validFrom.');
      if (!(await this.repo.updatePromo(m, id, next)))
        throw new DomainError(
          'unprocessable',
          'PROMO_LIMIT_BELOW_USED',
          `The code was used ${before.used} times already.`,
        );
      await this.audit.record(m, {
        actor,
        action: 'promo_code.updated',
        entityType: 'promo_code',
        entityId: id,
        before: {
          active: before.active,
          maxUses: before.maxUses,
          validUntil: before.validUntil?.toISOString() ?? null,
        },
        after: { active: next.active, maxUses: next.maxUses, validUntil: next.validUntil?.toISOString() ?? null },
      });
    });
    return this.get(id);
  }
}
