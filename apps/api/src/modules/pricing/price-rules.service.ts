import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError, type FieldError } from '../../platform/http/domain-error.js';
import { EventsService } from '../events/events.service.js';
import { QuotaService, type SaleTicketType } from '../tickets/quota.service.js';
import type {
  PriceHistoryListDto,
  PriceHistoryQueryDto,
  PricePolicyDto,
  PriceRuleDto,
  PriceRulesDto,
  PriceSimulationDto,
  PriceSimulationRequestDto,
  PutPriceRulesDto,
} from './dto/price-rules.dto.js';
import { PriceUpdater } from './price-updater.service.js';
import {
  checkRules,
  DEFAULT_POLICY,
  type PricePolicy,
  type PriceRule,
  priceAt,
  type RuleProblem,
  salesWindows,
} from './pricing-engine.js';
import { PricingRepository } from './pricing.repository.js';

const typeNotFound = () => new DomainError('not_found', 'TICKET_TYPE_NOT_FOUND', 'No ticket type has this id.');

function refuse(problems: RuleProblem[]): never {
  const errors: FieldError[] = problems.map((p) => ({ field: p.field, message: p.message }));
  throw new DomainError('unprocessable', problems[0].code, problems[0].message, { errors });
}

const policyOf = (dto: PricePolicyDto | undefined): PricePolicy => ({
  floor: dto?.floor ?? null,
  ceiling: dto?.ceiling ?? null,
  roundTo: dto?.roundTo ?? 1,
  maxRisePerHour: dto?.maxRisePerHour ?? null,
});

/** The engine's rule from the request, with only the fields its kind takes; missing ones are problems. */
function ruleOf(dto: PriceRuleDto, i: number, problems: RuleProblem[]): PriceRule | null {
  const id = dto.id ?? randomUUID();
  const label = dto.label ?? null;
  const missing = (field: string) =>
    problems.push({
      code: 'RULE_INVALID',
      field: `rules[${i}].${field}`,
      message: `A ${dto.kind} rule needs ${field}.`,
    });
  switch (dto.kind) {
    case 'time_step':
      if (!dto.adjustment) return (missing('adjustment'), null);
      return {
        id,
        kind: 'time_step',
        label,
        from: dto.from ?? null,
        fromDaysBeforeEvent: dto.fromDaysBeforeEvent ?? null,
        until: dto.until ?? null,
        untilDaysBeforeEvent: dto.untilDaysBeforeEvent ?? null,
        adjustment: { type: dto.adjustment.type, value: dto.adjustment.value },
      };
    case 'sell_through':
      if (!dto.thresholds) return (missing('thresholds'), null);
      return {
        id,
        kind: 'sell_through',
        label,
        thresholds: dto.thresholds.map((t) => ({
          percent: t.percent,
          adjustment: { type: t.adjustment.type, value: t.adjustment.value },
        })),
        floor: dto.floor ?? null,
        ceiling: dto.ceiling ?? null,
      };
    case 'sales_velocity':
      if (dto.windowMinutes === undefined) return (missing('windowMinutes'), null);
      if (dto.target === undefined) return (missing('target'), null);
      return {
        id,
        kind: 'sales_velocity',
        label,
        windowMinutes: dto.windowMinutes,
        target: dto.target,
        above: dto.above ? { type: dto.above.type, value: dto.above.value } : null,
        below: dto.below ? { type: dto.below.type, value: dto.below.value } : null,
        floor: dto.floor ?? null,
        ceiling: dto.ceiling ?? null,
      };
  }
}

/** The rules screen: a ticket type's price rules, their simulation with the real engine, and the price history. */
@Injectable()
export class PriceRulesService {
  constructor(
    private readonly repo: PricingRepository,
    private readonly quota: QuotaService,
    private readonly events: EventsService,
    private readonly updater: PriceUpdater,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  private async typeOf(id: string): Promise<SaleTicketType> {
    const t = (await this.quota.forSale(this.tx.manager, [id])).get(id);
    if (!t) throw typeNotFound();
    return t;
  }

  async get(id: string): Promise<PriceRulesDto> {
    const t = await this.typeOf(id);
    const stored = (await this.repo.rulesOf(this.tx.manager, [id])).get(id);
    const last = await this.repo.lastPrice(this.tx.manager, id);
    return {
      ticketTypeId: t.id,
      eventId: t.eventId,
      basePrice: t.basePrice,
      currentPrice: t.price,
      currency: t.currency,
      policy: stored?.policy ?? DEFAULT_POLICY,
      rules: (stored?.rules ?? []) as PriceRulesDto['rules'],
      explanation: stored && last && last.price === t.price ? last.rules : [],
    };
  }

  /** Checks every rule with the engine; saves all or nothing (422 with a code), then publishes the new price. */
  async put(actor: UserActor, id: string, dto: PutPriceRulesDto): Promise<PriceRulesDto> {
    const t = await this.typeOf(id);
    const event = await this.events.facts(t.eventId);
    const { policy, rules } = this.checked(t, event.startsAt, dto.policy, dto.rules);
    await this.tx.run(async (m) => {
      const before = (await this.repo.rulesOf(m, [id], true)).get(id);
      await this.repo.saveRules(m, { ticketTypeId: id, eventId: t.eventId, policy, rules });
      await this.audit.record(m, {
        actor,
        action: 'price_rules.updated',
        entityType: 'ticket_type',
        entityId: id,
        before: before ? { policy: before.policy, rules: before.rules } : null,
        after: { policy, rules },
      });
    });
    await this.updater.afterRulesChanged(t.eventId, id);
    return this.get(id);
  }

  private checked(
    t: SaleTicketType,
    eventStartsAt: Date,
    policyDto: PricePolicyDto | undefined,
    ruleDtos: PriceRuleDto[],
  ): { policy: PricePolicy; rules: PriceRule[] } {
    const problems: RuleProblem[] = [];
    const rules = ruleDtos.map((r, i) => ruleOf(r, i, problems)).filter((r): r is PriceRule => r !== null);
    const policy = policyOf(policyDto);
    if (problems.length) refuse(problems);
    const found = checkRules({ basePrice: t.basePrice, policy, rules, eventStartsAt });
    if (found.length) refuse(found);
    return { policy, rules };
  }

  /** Price against time, one series per share sold, computed by the engine (the rise cap walks each series). */
  async simulate(id: string, dto: PriceSimulationRequestDto): Promise<PriceSimulationDto> {
    const t = await this.typeOf(id);
    const event = await this.events.facts(t.eventId);
    const stored = (await this.repo.rulesOf(this.tx.manager, [id])).get(id);
    const { policy, rules } =
      dto.rules || dto.policy
        ? this.checked(
            t,
            event.startsAt,
            dto.policy ?? stored?.policy,
            dto.rules ?? (stored?.rules as PriceRuleDto[]) ?? [],
          )
        : { policy: stored?.policy ?? DEFAULT_POLICY, rules: stored?.rules ?? [] };
    const from = dto.from ? new Date(dto.from) : new Date();
    const until = dto.until ? new Date(dto.until) : event.startsAt;
    if (until <= from)
      throw new DomainError('unprocessable', 'SIMULATION_WINDOW_INVALID', 'until must be after from.', {
        errors: [{ field: 'until', message: 'until must be after from' }],
      });
    const points = dto.points ?? 60;
    const shares = dto.sellThrough ?? [0, 25, 50, 75, 100];
    const perHour = dto.salesPerHour ?? 0;
    const capacity = 10_000;
    const windows = salesWindows(rules);
    const step = (until.getTime() - from.getTime()) / (points - 1);
    return {
      ticketTypeId: id,
      basePrice: t.basePrice,
      currency: t.currency,
      from: from.toISOString(),
      until: until.toISOString(),
      series: shares.map((share) => {
        let last: { price: number; at: Date } | null = null;
        return {
          sellThrough: share,
          points: Array.from({ length: points }, (_, i) => {
            const now = new Date(Math.round(from.getTime() + i * step));
            const r = priceAt({
              basePrice: t.basePrice,
              policy,
              rules,
              now,
              eventStartsAt: event.startsAt,
              sold: Math.round((capacity * share) / 100),
              capacity,
              recentSales: windows.map((w) => ({ windowMinutes: w, count: Math.round((perHour * w) / 60) })),
              last,
            });
            if (!last || r.unitPrice !== last.price) last = { price: r.unitPrice, at: now };
            return { at: now.toISOString(), price: r.unitPrice, applied: r.rules.map((x) => x.id) };
          }),
        };
      }),
    };
  }

  async history(id: string, query: PriceHistoryQueryDto): Promise<PriceHistoryListDto> {
    await this.typeOf(id);
    const { rows, total } = await this.repo.history(this.tx.manager, id, query.limit, query.offset);
    return {
      items: rows.map((r) => ({
        id: r.id,
        price: r.price,
        previousPrice: r.previousPrice,
        currency: r.currency,
        reason: r.reason,
        rules: r.rules,
        changedAt: new Date(r.changedAt).toISOString(),
      })),
      total,
    };
  }
}
