import { Inject, Injectable } from '@nestjs/common';
import { containsPattern } from '../../platform/database/like.js';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { type Actor, hasRole, type UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { MicroCache, serviceCacheMs } from '../../platform/cache/micro-cache.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { CreateEventDto, EventDto, EventListDto, EventQueryDto, UpdateEventDto } from './dto/event.dto.js';
import { type EventStatus, GameEntity } from './game.entity.js';
import { mapUrl } from './geocoder.js';
import { VenuesService } from './venues.service.js';

const PUBLIC_STATUSES: EventStatus[] = ['on_sale', 'sales_closed', 'completed', 'canceled'];
const STAFF_ROLES = ['event_manager', 'box_office', 'scanner', 'support_agent'] as const;

const toDto = (e: GameEntity): EventDto => ({
  id: e.id,
  name: e.name,
  description: e.description,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt?.toISOString() ?? null,
  doorsAt: e.doorsAt?.toISOString() ?? null,
  timezone: e.timezone,
  status: e.status,
  venue: e.venue
    ? {
        id: e.venue.id,
        name: e.venue.name,
        address: e.venue.address,
        city: e.venue.city,
        country: e.venue.country,
        latitude: e.venue.latitude,
        longitude: e.venue.longitude,
        mapUrl: mapUrl(e.venue.latitude, e.venue.longitude),
      }
    : null,
  imageUrl: e.imageUrl,
  holdMinutes: e.holdMinutes,
  maxTicketsPerCustomer: e.maxTicketsPerCustomer,
  publishedAt: e.publishedAt?.toISOString() ?? null,
  cancelReason: e.cancelReason,
});

const auditFields = (e: GameEntity) => ({
  name: e.name,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt?.toISOString() ?? null,
  doorsAt: e.doorsAt?.toISOString() ?? null,
  timezone: e.timezone,
  venueId: e.venueId,
  status: e.status,
  holdMinutes: e.holdMinutes,
  maxTicketsPerCustomer: e.maxTicketsPerCustomer,
});

const eventNotFound = () => new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');

/** What other modules learn about an event. */
export interface EventFacts {
  id: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date | null;
  timezone: string;
  venueId: string | null;
  holdMinutes: number;
}

export type EventGuard = (change: {
  kind: 'publish' | 'change-venue' | 'change-dates';
  event: EventFacts;
  next?: Partial<EventFacts>;
}) => Promise<void>;

const TRANSITIONS: Record<
  'publish' | 'close-sales' | 'reopen-sales' | 'cancel' | 'complete',
  { from: EventStatus[]; to: EventStatus }
> = {
  publish: { from: ['draft'], to: 'on_sale' },
  'close-sales': { from: ['on_sale'], to: 'sales_closed' },
  'reopen-sales': { from: ['sales_closed'], to: 'on_sale' },
  cancel: { from: ['draft', 'on_sale', 'sales_closed'], to: 'canceled' },
  complete: { from: ['on_sale', 'sales_closed'], to: 'completed' },
};
export type EventTransition = keyof typeof TRANSITIONS;

/** The Event Service: what is on, where and when, and its lifecycle. */
@Injectable()
export class EventsService {
  private readonly guards: EventGuard[] = [];
  private readonly cancelListeners: ((m: EntityManager, eventId: string) => Promise<void>)[] = [];
  private readonly publicCache: MicroCache<EventListDto>;

  constructor(
    @InjectRepository(GameEntity) private readonly games: Repository<GameEntity>,
    private readonly venues: VenuesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicCache = new MicroCache(serviceCacheMs(config.catalogCacheMs));
  }

  /** Runs inside the cancel transaction (the sales module queues the refunds there, atomically). */
  onCanceled(listener: (m: EntityManager, eventId: string) => Promise<void>): void {
    this.cancelListeners.push(listener);
  }

  /** Lets another module veto a change (the tickets module: "publish needs a ticket type"). */
  addGuard(guard: EventGuard): void {
    this.guards.push(guard);
  }

  async list(actor: Actor | null, query: EventQueryDto): Promise<EventListDto> {
    const staff = hasRole(actor, ...STAFF_ROLES);
    if (staff) return this.query(true, query);
    return this.publicCache.get(JSON.stringify(query), () => this.query(false, query));
  }

  private async query(staff: boolean, query: EventQueryDto): Promise<EventListDto> {
    const qb = this.games
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (!staff) qb.andWhere('e.status IN (:...pub)', { pub: PUBLIC_STATUSES });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.q?.trim()) {
      const q = containsPattern(query.q);
      qb.andWhere('(e.name ILIKE :q OR e.description ILIKE :q OR v.name ILIKE :q OR v.city ILIKE :q)', { q });
    }
    if (query.from) qb.andWhere('e.starts_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.starts_at < :to', { to: query.to });
    if (query.venueId) qb.andWhere('e.venue_id = :venueId', { venueId: query.venueId });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toDto), total };
  }

  async get(actor: Actor | null, id: string): Promise<EventDto> {
    const event = await this.load(id);
    if (!PUBLIC_STATUSES.includes(event.status) && !hasRole(actor, ...STAFF_ROLES)) throw eventNotFound();
    return toDto(event);
  }

  /** For other modules: the facts of an event, or a 422 naming it as missing. */
  async facts(id: string, m?: EntityManager): Promise<EventFacts> {
    const e = m ? await m.findOne(GameEntity, { where: { id } }) : await this.games.findOne({ where: { id } });
    if (!e) throw new DomainError('unprocessable', 'EVENT_NOT_FOUND', 'No event has this id.');
    return {
      id: e.id,
      status: e.status,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timezone: e.timezone,
      venueId: e.venueId,
      holdMinutes: e.holdMinutes,
    };
  }

  private async load(id: string): Promise<GameEntity> {
    const event = await this.games.findOne({ where: { id }, relations: { venue: true } });
    if (!event) throw eventNotFound();
    return event;
  }

  async create(actor: UserActor | null, dto: CreateEventDto): Promise<EventDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    const doorsAt = dto.doorsAt ? new Date(dto.doorsAt) : null;
    checkTimes(startsAt, endsAt, doorsAt);
    if (dto.venueId && !(await this.venues.exists(dto.venueId))) {
      throw new DomainError('unprocessable', 'VENUE_NOT_FOUND', 'No venue has this id.');
    }
    const id = await this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(GameEntity, {
          name: dto.name.trim(),
          description: dto.description ?? null,
          startsAt,
          endsAt,
          doorsAt,
          timezone: dto.timezone,
          venueId: dto.venueId ?? null,
          imageUrl: dto.imageUrl ?? null,
          holdMinutes: dto.holdMinutes ?? 10,
          maxTicketsPerCustomer: dto.maxTicketsPerCustomer ?? null,
          status: 'draft',
        }),
      );
      await this.audit.record(m, {
        actor,
        action: 'event.created',
        entityType: 'event',
        entityId: saved.id,
        after: auditFields(saved),
      });
      return saved.id;
    });
    this.publicCache.clear();
    return toDto(await this.load(id));
  }

  async update(actor: UserActor, id: string, dto: UpdateEventDto): Promise<EventDto> {
    const before = await this.load(id);
    if (before.status === 'canceled' || before.status === 'completed') {
      throw new DomainError('conflict', 'INVALID_STATUS', `A ${before.status} event cannot be edited.`);
    }
    const next: GameEntity = { ...before };
    if (dto.name !== undefined) next.name = dto.name.trim();
    if (dto.description !== undefined) next.description = dto.description;
    if (dto.startsAt !== undefined) next.startsAt = new Date(dto.startsAt);
    if (dto.endsAt !== undefined) next.endsAt = dto.endsAt === null ? null : new Date(dto.endsAt);
    if (dto.doorsAt !== undefined) next.doorsAt = dto.doorsAt === null ? null : new Date(dto.doorsAt);
    if (dto.timezone !== undefined) next.timezone = dto.timezone;
    if (dto.imageUrl !== undefined) next.imageUrl = dto.imageUrl;
    if (dto.holdMinutes !== undefined) next.holdMinutes = dto.holdMinutes;
    if (dto.maxTicketsPerCustomer !== undefined) next.maxTicketsPerCustomer = dto.maxTicketsPerCustomer;
    if (dto.venueId !== undefined) next.venueId = dto.venueId;
    checkTimes(next.startsAt, next.endsAt, next.doorsAt);
    if (next.venueId && next.venueId !== before.venueId && !(await this.venues.exists(next.venueId))) {
      throw new DomainError('unprocessable', 'VENUE_NOT_FOUND', 'No venue has this id.');
    }
    const facts = factsOf(before);
    if (next.venueId !== before.venueId)
      for (const g of this.guards) await g({ kind: 'change-venue', event: facts, next: { venueId: next.venueId } });
    if (+next.startsAt !== +before.startsAt || +(next.endsAt ?? 0) !== +(before.endsAt ?? 0)) {
      for (const g of this.guards)
        await g({ kind: 'change-dates', event: facts, next: { startsAt: next.startsAt, endsAt: next.endsAt } });
    }
    await this.tx.run(async (m) => {
      // Compare-and-set on the status read above, so a concurrent cancel is not overwritten.
      const [, changed] = (await m.query(
        `UPDATE games SET name = $3, description = $4, starts_at = $5, ends_at = $6, doors_at = $7, timezone = $8,
                image_url = $9, hold_minutes = $10, venue_id = $11, max_tickets_per_customer = $12, updated_at = now()
          WHERE id = $1 AND status = $2`,
        [
          id,
          before.status,
          next.name,
          next.description,
          next.startsAt,
          next.endsAt,
          next.doorsAt,
          next.timezone,
          next.imageUrl,
          next.holdMinutes,
          next.venueId,
          next.maxTicketsPerCustomer,
        ],
      )) as [unknown, number];
      if (changed === 0)
        throw new DomainError('conflict', 'INVALID_STATUS', 'The event changed meanwhile; reload and try again.');
      await this.audit.record(m, {
        actor,
        action: 'event.updated',
        entityType: 'event',
        entityId: id,
        before: auditFields(before),
        after: auditFields(next),
      });
    });
    this.publicCache.clear();
    return toDto(await this.load(id));
  }

  /** Moves the event through its lifecycle by compare-and-set from the allowed states. */
  async transition(actor: UserActor | null, id: string, name: EventTransition, reason?: string): Promise<EventDto> {
    const rule = TRANSITIONS[name];
    const current = await this.load(id);
    if (!rule.from.includes(current.status)) {
      throw new DomainError(
        'conflict',
        'INVALID_STATUS',
        `Cannot ${name.replace('-', ' ')} an event that is ${current.status.replace('_', ' ')}.`,
      );
    }
    if (name === 'publish') for (const g of this.guards) await g({ kind: 'publish', event: factsOf(current) });
    if (name === 'complete' && current.startsAt > new Date()) {
      throw new DomainError('unprocessable', 'EVENT_NOT_STARTED', 'An event can be completed once it has started.');
    }
    await this.tx.run(async (m) => {
      const [, changed] = (await m.query(
        `UPDATE games SET status = $3, updated_at = now(),
                published_at = CASE WHEN $3 = 'on_sale' AND published_at IS NULL THEN now() ELSE published_at END,
                canceled_at = CASE WHEN $3 = 'canceled' THEN now() ELSE canceled_at END,
                cancel_reason = CASE WHEN $3 = 'canceled' THEN $4 ELSE cancel_reason END
          WHERE id = $1 AND status = ANY($2::text[])`,
        [id, rule.from, rule.to, reason ?? null],
      )) as [unknown, number];
      if (changed === 0)
        throw new DomainError('conflict', 'INVALID_STATUS', 'The event changed meanwhile; reload and try again.');
      if (rule.to === 'canceled') for (const l of this.cancelListeners) await l(m, id);
      await this.audit.record(m, {
        actor,
        action: `event.${name.replace('-', '_')}`,
        entityType: 'event',
        entityId: id,
        before: { status: current.status },
        after: { status: rule.to, ...(reason ? { reason } : {}) },
      });
    });
    this.publicCache.clear();
    return toDto(await this.load(id));
  }
}

function factsOf(e: GameEntity): EventFacts {
  return {
    id: e.id,
    status: e.status,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timezone: e.timezone,
    venueId: e.venueId,
    holdMinutes: e.holdMinutes,
  };
}

function checkTimes(startsAt: Date, endsAt: Date | null, doorsAt: Date | null) {
  if (endsAt && endsAt <= startsAt)
    throw new DomainError('unprocessable', 'END_BEFORE_START', 'endsAt must be after startsAt.');
  if (doorsAt && doorsAt > startsAt)
    throw new DomainError('unprocessable', 'DOORS_AFTER_START', 'doorsAt must not be after startsAt.');
  if (doorsAt && +startsAt - +doorsAt > 24 * 3600_000) {
    throw new DomainError('unprocessable', 'DOORS_TOO_EARLY', 'doorsAt must be within 24 hours before startsAt.');
  }
}
