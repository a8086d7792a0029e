import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { EventsService } from '../events/events.service.js';
import { QuotaService, type SaleTicketType } from '../tickets/quota.service.js';
import { TicketTypesService } from '../tickets/ticket-types.service.js';
import type { PriceQuoteDto, PriceQuoteRequestDto } from './dto/promo-code.dto.js';
import { PriceUpdater } from './price-updater.service.js';
import { money } from './pricing-engine.js';
import { type PromoRow, PricingRepository } from './pricing.repository.js';

export interface PriceQuote {
  unitPrice: number;
  currency: string;
  /** What made the price beyond the current list price (promo codes applied). */
  rules: string[];
}

/** A promo code checked for a sale: what it takes off, which types, what it unlocks. */
export type SalePromo = Pick<
  PromoRow,
  'id' | 'code' | 'kind' | 'value' | 'ticketTypeIds' | 'unlocksTicketTypeIds' | 'stackable' | 'maxUsesPerCustomer'
>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const normalize = (code: string) => code.trim().toUpperCase();
const unprocessable = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new DomainError('unprocessable', code, detail, extra);

/** Codes from a body's `promoCode` and `promoCodes`, each once. */
export function codesOf(request: { promoCode?: string | null; promoCodes?: string[] | null }): string[] {
  const all = [...(request.promoCodes ?? []), ...(request.promoCode ? [request.promoCode] : [])];
  return [...new Set(all.map((c) => c.trim()).filter(Boolean))];
}

export function promoApplies(p: SalePromo, ticketTypeId: string): boolean {
  return p.value > 0 && (p.ticketTypeIds.length === 0 || p.ticketTypeIds.includes(ticketTypeId));
}

/** One ticket's price after a code. */
export function applyPromo(p: SalePromo, price: number): number {
  return p.kind === 'percent' ? price - Math.round((price * p.value) / 100) : Math.max(0, price - p.value);
}

/**
 * Prices for sales: the current price of a ticket type (published by the Price Updater from its
 * rules), promo codes and vouchers checked, applied and redeemed. Holds and purchases take their
 * prices from here, so the price listed, locked in a hold and charged is the same number.
 */
@Injectable()
export class PricingService implements OnModuleInit {
  constructor(
    private readonly repo: PricingRepository,
    private readonly updater: PriceUpdater,
    private readonly quota: QuotaService,
    private readonly types: TicketTypesService,
    private readonly events: EventsService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.types.addUnlocker((eventId, code) => this.unlockedBy(eventId, code));
    this.types.onBasePriceChanged((id) => this.updater.afterBasePriceChanged(id));
  }

  /** A ticket's price now: the type's current price, less the codes that apply to it. */
  quote(
    ticketType: { id: string; price: number; currency: string },
    _at: Date = new Date(),
    promos: SalePromo[] = [],
  ): PriceQuote {
    let unitPrice = ticketType.price;
    const rules: string[] = [];
    for (const p of promos) {
      if (!promoApplies(p, ticketType.id)) continue;
      unitPrice = applyPromo(p, unitPrice);
      rules.push(`promo:${p.code}`);
    }
    return { unitPrice, currency: ticketType.currency, rules };
  }

  /** Stock changed (a sale): demand-based prices of the event are recomputed soon. */
  salesChanged(eventId: string): void {
    this.updater.nudge(eventId);
  }

  /**
   * The codes of a hold or purchase, checked: each a live code of this event (or the unlock code of a
   * hidden type asked for), combined only when every one is stackable, and every hidden type asked
   * for unlocked (the box office sells them without). Throws 422 with a code otherwise.
   */
  async forSale(
    m: EntityManager,
    eventId: string,
    codes: string[],
    types: SaleTicketType[],
    channel: string,
    customerId: string | null,
    now: Date = new Date(),
  ): Promise<SalePromo[]> {
    const unlocked = new Set<string>();
    const promoCodes: string[] = [];
    for (const code of codes) {
      const opens = types.filter((t) => t.unlockCodeHash !== null && t.unlockCodeHash === sha256(code));
      if (opens.length) opens.forEach((t) => unlocked.add(t.id));
      // A buyer who entered another hidden type's code to see it may still buy public types with it.
      else if (!(await this.quota.isUnlockCode(m, eventId, sha256(code)))) promoCodes.push(normalize(code));
    }
    const promos: PromoRow[] = [];
    for (const code of [...new Set(promoCodes)]) promos.push(await this.findCode(m, eventId, code));
    if (promos.length > 1 && promos.some((p) => !p.stackable)) {
      throw unprocessable('PROMO_NOT_STACKABLE', 'These codes cannot be combined.', {
        promoCodes: promos.filter((p) => !p.stackable).map((p) => p.code),
      });
    }
    for (const p of promos) await this.checkCode(m, p, customerId, now);
    for (const p of promos) p.unlocksTicketTypeIds.forEach((id) => unlocked.add(id));
    if (channel !== 'box_office') {
      const locked = types.find((t) => t.unlockCodeHash !== null && !unlocked.has(t.id));
      if (locked)
        throw unprocessable('VOUCHER_REQUIRED', `${locked.name} is sold only with its voucher or code.`, {
          ticketTypeId: locked.id,
        });
    }
    for (const p of promos) {
      const useful = types.some((t) => promoApplies(p, t.id) || p.unlocksTicketTypeIds.includes(t.id));
      if (!useful)
        throw unprocessable('PROMO_NOT_APPLICABLE', `The code ${p.code} does not apply to these tickets.`, {
          promoCode: p.code,
        });
    }
    return promos;
  }

  private async findCode(m: EntityManager, eventId: string, code: string): Promise<PromoRow> {
    const rows = await this.repo.promosByCode(m, code);
    const p = rows.find((r) => r.eventId === eventId);
    if (p) return p;
    if (rows.length)
      throw unprocessable('PROMO_WRONG_EVENT', `The code ${code} is for another event.`, { promoCode: code });
    throw unprocessable('PROMO_NOT_FOUND', `There is no code ${code}.`, { promoCode: code });
  }

  /** Live, within its window, not used up, and not used up by this customer. */
  private async checkCode(m: EntityManager, p: PromoRow, customerId: string | null, now: Date): Promise<void> {
    const code = p.code;
    if (!p.active) throw unprocessable('PROMO_INACTIVE', `The code ${code} is no longer valid.`, { promoCode: code });
    if (p.validFrom && now < p.validFrom)
      throw unprocessable('PROMO_NOT_YET_VALID', `The code ${code} is valid from ${p.validFrom.toISOString()}.`, {
        promoCode: code,
      });
    if (p.validUntil && now >= p.validUntil)
      throw unprocessable('PROMO_EXPIRED', `The code ${code} has expired.`, { promoCode: code });
    if (p.maxUses !== null && p.used >= p.maxUses)
      throw unprocessable('PROMO_EXHAUSTED', `The code ${code} has been used up.`, { promoCode: code });
    if (p.maxUsesPerCustomer !== null) {
      if (!customerId)
        throw unprocessable('PROMO_CUSTOMER_REQUIRED', `Sign in to use the code ${code}.`, { promoCode: code });
      if ((await this.repo.customerUses(m, p.id, customerId, false)) >= p.maxUsesPerCustomer)
        throw unprocessable('PROMO_CUSTOMER_LIMIT', `You have used the code ${code} already.`, { promoCode: code });
    }
  }

  /**
   * Redeems codes for a purchase, in its transaction: the per-customer count under a lock, then one
   * conditional UPDATE per code decides the total limit. A refusal rolls the purchase back.
   */
  async redeem(m: EntityManager, promoIds: string[], purchaseId: string, customerId: string | null): Promise<void> {
    for (const p of await this.repo.promosByIds(m, [...new Set(promoIds)])) {
      if (p.maxUsesPerCustomer !== null) {
        if (!customerId)
          throw unprocessable('PROMO_CUSTOMER_REQUIRED', `Sign in to use the code ${p.code}.`, { promoCode: p.code });
        if ((await this.repo.customerUses(m, p.id, customerId)) >= p.maxUsesPerCustomer)
          throw unprocessable('PROMO_CUSTOMER_LIMIT', `You have used the code ${p.code} already.`, {
            promoCode: p.code,
          });
      }
      if (!(await this.repo.takeUse(m, p.id))) {
        throw unprocessable(
          p.active ? 'PROMO_EXHAUSTED' : 'PROMO_INACTIVE',
          p.active ? `The code ${p.code} has been used up.` : `The code ${p.code} is no longer valid.`,
          { promoCode: p.code },
        );
      }
      await this.repo.recordRedemption(m, p.id, purchaseId, customerId);
    }
  }

  /** A purchase that failed gives its codes' uses back (in its transaction). */
  releaseRedemptions(m: EntityManager, purchaseId: string): Promise<number> {
    return this.repo.releaseRedemptions(m, purchaseId);
  }

  /** The codes (as typed, upper case) behind promo ids. */
  async codesFor(m: EntityManager, promoIds: string[]): Promise<string[]> {
    return (await this.repo.promosByIds(m, promoIds)).map((p) => p.code);
  }

  /** Hidden types a voucher unlocks for the public catalogue. */
  private async unlockedBy(eventId: string, code: string): Promise<string[]> {
    const now = new Date();
    return (await this.repo.promosByCode(this.tx.manager, normalize(code)))
      .filter(
        (p) =>
          p.eventId === eventId &&
          p.active &&
          (!p.validFrom || p.validFrom <= now) &&
          (!p.validUntil || now < p.validUntil) &&
          (p.maxUses === null || p.used < p.maxUses),
      )
      .flatMap((p) => p.unlocksTicketTypeIds);
  }

  /** The public quote: what each ticket costs now with the codes given, and why. */
  async priceQuote(customerId: string | null, dto: PriceQuoteRequestDto): Promise<PriceQuoteDto> {
    const m = this.tx.manager;
    const event = await this.events.facts(dto.eventId).catch(() => null);
    if (!event || event.status === 'draft')
      throw new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');
    const ids = [...new Set(dto.items.map((i) => i.ticketTypeId))];
    const types = await this.quota.forSale(m, ids);
    for (const id of ids) {
      if (types.get(id)?.eventId !== dto.eventId)
        throw new DomainError('not_found', 'TICKET_TYPE_NOT_FOUND', 'A ticket type is not part of this event.');
    }
    const promos = await this.forSale(m, dto.eventId, codesOf(dto), [...types.values()], 'web', customerId);
    const explained = await this.repo.lastPrices(m, ids);
    const items = dto.items.map((i) => {
      const t = types.get(i.ticketTypeId) as SaleTicketType;
      const last = explained.get(t.id);
      const explanation = last && last.price === t.price ? [...last.rules] : [];
      let unitPrice = t.price;
      for (const p of promos) {
        if (!promoApplies(p, t.id)) continue;
        const next = applyPromo(p, unitPrice);
        explanation.push({
          id: p.id,
          kind: 'promo',
          effect: next - unitPrice,
          explanation: `Code ${p.code}: ${p.kind === 'percent' ? `-${p.value}%` : `-${money(p.value)}`}`,
        });
        unitPrice = next;
      }
      return {
        ticketTypeId: t.id,
        name: t.name,
        quantity: i.quantity,
        basePrice: t.basePrice,
        listPrice: t.price,
        unitPrice,
        currency: t.currency,
        explanation,
      };
    });
    return {
      eventId: dto.eventId,
      items,
      total: items.reduce((s, i) => s + i.unitPrice * i.quantity, 0),
      currency: items[0].currency,
      promoCodes: promos.map((p) => ({
        code: p.code,
        kind: p.kind,
        value: p.value,
        unlocksTicketTypeIds: p.unlocksTicketTypeIds,
      })),
    };
  }
}
