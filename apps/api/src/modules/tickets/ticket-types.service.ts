import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor, hasRole, type UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { MicroCache, serviceCacheMs } from '../../platform/cache/micro-cache.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { EventsService } from '../events/events.service.js';
import { SeatMapService } from '../events/seat-map.service.js';
import type {
  CreateTicketTypeDto,
  SalesChannel,
  TicketTypeDto,
  TicketTypeListDto,
  TicketTypeQueryDto,
  UpdateTicketTypeDto,
} from './dto/ticket-type.dto.js';
import {
  checkCurrency,
  checkEventOpen,
  checkPerOrder,
  checkSalesWindow,
  ticketTypeStatus,
} from './ticket-type.rules.js';
import { TicketTypeEntity } from './ticket-type.entity.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const notFound = () => new DomainError('not_found', 'TICKET_TYPE_NOT_FOUND', 'No ticket type has this id.');
const inUse = (what: string) =>
  new DomainError('conflict', 'TICKET_TYPE_IN_USE', `Tickets of this type are sold or held: ${what}.`);

const auditFields = (t: TicketTypeEntity) => ({
  eventId: t.eventId,
  name: t.name,
  price: t.price,
  currency: t.currency,
  capacity: t.capacity,
  priceZoneId: t.priceZoneId,
  sectionIds: t.sectionIds,
  salesStartAt: t.salesStartAt?.toISOString() ?? null,
  salesEndAt: t.salesEndAt?.toISOString() ?? null,
  minPerOrder: t.minPerOrder,
  maxPerOrder: t.maxPerOrder,
  channels: t.channels,
  accessLevel: t.accessLevel,
  hidden: t.unlockCodeHash !== null,
});

/** Finds the hidden ticket types a code (a voucher) unlocks for an event (the pricing module registers one). */
export type TypeUnlocker = (eventId: string, code: string) => Promise<string[]>;
/** Told after a ticket type's base price changed (the pricing module recomputes its current price). */
export type BasePriceListener = (ticketTypeId: string) => Promise<void>;

/** The Ticket Service's catalogue: what can be bought for an event, at what price, how many left. */
@Injectable()
export class TicketTypesService implements OnModuleInit {
  private readonly publicCache: MicroCache<TicketTypeListDto>;
  private readonly unlockers: TypeUnlocker[] = [];
  private readonly basePriceListeners: BasePriceListener[] = [];

  constructor(
    @InjectRepository(TicketTypeEntity) private readonly types: Repository<TicketTypeEntity>,
    private readonly events: EventsService,
    private readonly seatMaps: SeatMapService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicCache = new MicroCache(serviceCacheMs(config.catalogCacheMs));
  }

  onModuleInit(): void {
    this.events.addGuard(async ({ kind, event, next }) => {
      const types = await this.types.find({ where: { eventId: event.id } });
      if (kind === 'publish' && types.length === 0) {
        throw new DomainError('unprocessable', 'NO_TICKET_TYPES', 'Add at least one ticket type before publishing.');
      }
      if (kind === 'change-venue' && types.some((t) => t.priceZoneId || t.sectionIds.length)) {
        throw new DomainError(
          'unprocessable',
          'VENUE_IN_USE',
          "Ticket types sell this venue's seats; change them before moving the event.",
        );
      }
      if (kind === 'change-dates' && next?.startsAt) {
        for (const t of types)
          checkSalesWindow({ startsAt: next.startsAt, endsAt: next.endsAt ?? null }, t.salesStartAt, t.salesEndAt);
      }
    });
    this.seatMaps.addGuard(async ({ kind, venueId, id }) => {
      const rows = (await this.types.query(
        `SELECT t.name FROM ticket_types t JOIN games g ON g.id = t.event_id
          WHERE g.venue_id = $1 AND (($2 = 'delete-section' AND $3::uuid = ANY(t.section_ids))
             OR ($2 = 'delete-zone' AND t.price_zone_id = $3::uuid)
             OR ($2 = 'replace-map' AND (t.price_zone_id IS NOT NULL OR cardinality(t.section_ids) > 0)))
          LIMIT 1`,
        [venueId, kind, id ?? null],
      )) as { name: string }[];
      if (rows.length) {
        const code =
          kind === 'delete-section'
            ? 'SECTION_IN_USE'
            : kind === 'delete-zone'
              ? 'PRICE_ZONE_IN_USE'
              : 'SEAT_MAP_IN_USE';
        throw new DomainError('conflict', code, `The ticket type "${rows[0].name}" sells these seats.`);
      }
    });
  }

  addUnlocker(unlocker: TypeUnlocker): void {
    this.unlockers.push(unlocker);
  }

  onBasePriceChanged(listener: BasePriceListener): void {
    this.basePriceListeners.push(listener);
  }

  /** A published price changed: the public catalogue answers it from now on. */
  priceChanged(): void {
    this.publicCache.clear();
  }

  async list(actor: Actor | null, query: TicketTypeQueryDto): Promise<TicketTypeListDto> {
    const staff = hasRole(actor, 'event_manager', 'box_office', 'support_agent');
    if (staff || actor?.kind === 'api_client') return this.query(staff, query);
    return this.publicCache.get(JSON.stringify(query), () => this.query(false, query));
  }

  /** Live figures of every type of an event (no cache), for the availability stream. */
  live(eventId: string): Promise<TicketTypeListDto> {
    return this.query(true, { eventId, limit: 200, offset: 0 });
  }

  private async query(staff: boolean, query: TicketTypeQueryDto): Promise<TicketTypeListDto> {
    const qb = this.types
      .createQueryBuilder('t')
      .where('t.event_id = :eventId', { eventId: query.eventId })
      .orderBy('t.sort_order', 'ASC')
      .addOrderBy('t.created_at', 'ASC');
    if (!staff) {
      const unlocked = query.code
        ? (await Promise.all(this.unlockers.map((u) => u(query.eventId, query.code as string)))).flat()
        : [];
      qb.andWhere('(t.unlock_code_hash IS NULL OR t.unlock_code_hash = :code OR t.id = ANY(:unlocked::uuid[]))', {
        code: query.code ? sha256(query.code) : '-',
        unlocked,
      });
    }
    if (query.channel) qb.andWhere(':channel = ANY(t.channels)', { channel: query.channel });
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    const event = rows.length ? await this.events.facts(query.eventId) : null;
    const items = await Promise.all(rows.map((t) => this.toDto(t, event?.venueId ?? null)));
    return { items, total };
  }

  async get(actor: Actor | null, id: string): Promise<TicketTypeDto> {
    const t = await this.types.findOne({ where: { id } });
    if (!t) throw notFound();
    const event = await this.events.facts(t.eventId);
    const visible =
      hasRole(actor, 'event_manager', 'box_office', 'support_agent') || (event.status !== 'draft' && !t.unlockCodeHash);
    if (!visible) throw notFound();
    return this.toDto(t, event.venueId);
  }

  private async toDto(t: TicketTypeEntity, venueId: string | null): Promise<TicketTypeDto> {
    const reserved = Boolean(t.priceZoneId) || (t.sectionIds.length > 0 && t.capacity === null);
    let available: number | null;
    if (reserved && venueId) {
      const seats = await this.seatMaps.countSellable(venueId, t.sectionIds, t.priceZoneId);
      available = Math.max(0, seats - t.sold - t.held);
    } else {
      available = t.capacity === null ? null : Math.max(0, t.capacity - t.sold - t.held);
    }
    return {
      id: t.id,
      eventId: t.eventId,
      name: t.name,
      price: t.currentPrice ?? t.price,
      basePrice: t.price,
      currency: t.currency,
      available,
      status: ticketTypeStatus(t, available),
      capacity: t.capacity,
      salesStartAt: t.salesStartAt?.toISOString() ?? null,
      salesEndAt: t.salesEndAt?.toISOString() ?? null,
      minPerOrder: t.minPerOrder,
      maxPerOrder: t.maxPerOrder,
      accessLevel: t.accessLevel,
      kind: reserved ? 'reserved' : 'general_admission',
      priceZoneId: t.priceZoneId,
      sectionIds: t.sectionIds,
      channels: t.channels as SalesChannel[],
      hidden: t.unlockCodeHash !== null,
      description: t.description,
      sortOrder: t.sortOrder,
    };
  }

  existFor(eventId: string): Promise<boolean> {
    return this.types.exists({ where: { eventId } });
  }

  async create(actor: UserActor | null, dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    const event = await this.events.facts(dto.eventId);
    checkEventOpen(event);
    checkCurrency(dto.currency);
    const salesStartAt = dto.salesStartAt ? new Date(dto.salesStartAt) : null;
    const salesEndAt = dto.salesEndAt ? new Date(dto.salesEndAt) : null;
    checkSalesWindow(event, salesStartAt, salesEndAt);
    checkPerOrder(dto.minPerOrder ?? 1, dto.maxPerOrder ?? 10);
    const sectionIds = dto.sectionIds ?? [];
    await this.checkSeating(event.venueId, sectionIds, dto.priceZoneId ?? null, dto.capacity ?? null);
    const saved = await this.tx.run(async (m) => {
      const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM ticket_types WHERE event_id = $1', [
        dto.eventId,
      ])) as { n: number }[];
      const entity = await m.save(
        m.create(TicketTypeEntity, {
          eventId: dto.eventId,
          name: dto.name.trim(),
          price: dto.price,
          currency: dto.currency,
          capacity: dto.capacity ?? null,
          salesStartAt,
          salesEndAt,
          minPerOrder: dto.minPerOrder ?? 1,
          maxPerOrder: dto.maxPerOrder ?? 10,
          accessLevel: dto.accessLevel ?? 'general',
          description: dto.description ?? null,
          priceZoneId: dto.priceZoneId ?? null,
          sectionIds,
          channels: dto.channels ?? ['web', 'box_office', 'vendor'],
          unlockCodeHash: dto.unlockCode ? sha256(dto.unlockCode) : null,
          sortOrder: dto.sortOrder ?? n,
        }),
      );
      await this.audit.record(m, {
        actor,
        action: 'ticket_type.created',
        entityType: 'ticket_type',
        entityId: entity.id,
        after: auditFields(entity),
      });
      return entity;
    });
    this.publicCache.clear();
    return this.toDto(saved, event.venueId);
  }

  async update(actor: UserActor, id: string, dto: UpdateTicketTypeDto): Promise<TicketTypeDto> {
    const before = await this.types.findOne({ where: { id } });
    if (!before) throw notFound();
    const event = await this.events.facts(before.eventId);
    checkEventOpen(event);
    const next: TicketTypeEntity = { ...before };
    if (dto.name !== undefined) next.name = dto.name.trim();
    if (dto.price !== undefined) next.price = dto.price;
    if (dto.currency !== undefined) {
      checkCurrency(dto.currency);
      next.currency = dto.currency;
    }
    if (dto.capacity !== undefined) next.capacity = dto.capacity;
    if (dto.salesStartAt !== undefined)
      next.salesStartAt = dto.salesStartAt === null ? null : new Date(dto.salesStartAt);
    if (dto.salesEndAt !== undefined) next.salesEndAt = dto.salesEndAt === null ? null : new Date(dto.salesEndAt);
    if (dto.minPerOrder !== undefined) next.minPerOrder = dto.minPerOrder;
    if (dto.maxPerOrder !== undefined) next.maxPerOrder = dto.maxPerOrder;
    if (dto.accessLevel !== undefined) next.accessLevel = dto.accessLevel;
    if (dto.description !== undefined) next.description = dto.description;
    if (dto.channels !== undefined) next.channels = dto.channels;
    if (dto.sortOrder !== undefined) next.sortOrder = dto.sortOrder;
    if (dto.unlockCode !== undefined) next.unlockCodeHash = dto.unlockCode === null ? null : sha256(dto.unlockCode);
    if (dto.priceZoneId !== undefined) next.priceZoneId = dto.priceZoneId;
    if (dto.sectionIds !== undefined) next.sectionIds = dto.sectionIds;
    checkSalesWindow(event, next.salesStartAt, next.salesEndAt);
    checkPerOrder(next.minPerOrder, next.maxPerOrder);
    const seatingChanged =
      next.priceZoneId !== before.priceZoneId ||
      next.sectionIds.join() !== before.sectionIds.join() ||
      (next.capacity === null) !== (before.capacity === null);
    if (seatingChanged) {
      if (before.sold + before.held > 0) throw inUse('its seating cannot change');
      await this.checkSeating(event.venueId, next.sectionIds, next.priceZoneId, next.capacity);
    }
    const saved = await this.tx.run(async (m) => {
      // One statement decides: the new capacity must still cover what is sold and held right now.
      const [rows] = (await m.query(
        `UPDATE ticket_types SET name = $2, price = $3, currency = $4, capacity = $5, sales_start_at = $6, sales_end_at = $7,
                min_per_order = $8, max_per_order = $9, access_level = $10, description = $11, channels = $12,
                sort_order = $13, unlock_code_hash = $14, price_zone_id = $15, section_ids = $16, updated_at = now()
          WHERE id = $1 AND ($5::int IS NULL OR sold + held <= $5::int)
          RETURNING id`,
        [
          id,
          next.name,
          next.price,
          next.currency,
          next.capacity,
          next.salesStartAt,
          next.salesEndAt,
          next.minPerOrder,
          next.maxPerOrder,
          next.accessLevel,
          next.description,
          next.channels,
          next.sortOrder,
          next.unlockCodeHash,
          next.priceZoneId,
          next.sectionIds,
        ],
      )) as [unknown[], number];
      if (rows.length === 0) {
        throw new DomainError(
          'unprocessable',
          'CAPACITY_BELOW_SOLD',
          'The capacity would be below the tickets already sold or held.',
        );
      }
      await this.audit.record(m, {
        actor,
        action: 'ticket_type.updated',
        entityType: 'ticket_type',
        entityId: id,
        before: auditFields(before),
        after: auditFields(next),
      });
      return m.findOneOrFail(TicketTypeEntity, { where: { id } });
    });
    this.publicCache.clear();
    if (saved.price !== before.price) {
      for (const listener of this.basePriceListeners) await listener(id);
      return this.toDto(await this.types.findOneOrFail({ where: { id } }), event.venueId);
    }
    return this.toDto(saved, event.venueId);
  }

  async remove(actor: UserActor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [rows] = (await m.query(
        'DELETE FROM ticket_types WHERE id = $1 AND sold = 0 AND held = 0 RETURNING event_id, name',
        [id],
      )) as [{ event_id: string; name: string }[], number];
      if (!rows[0]) {
        if (await m.exists(TicketTypeEntity, { where: { id } })) throw inUse('it cannot be deleted');
        throw notFound();
      }
      await this.audit.record(m, {
        actor,
        action: 'ticket_type.deleted',
        entityType: 'ticket_type',
        entityId: id,
        before: { eventId: rows[0].event_id, name: rows[0].name },
      });
    });
    this.publicCache.clear();
  }

  /** General admission needs a capacity; reserved seating needs sections or a zone of the event's venue. */
  private async checkSeating(
    venueId: string | null,
    sectionIds: string[],
    zoneId: string | null,
    capacity: number | null,
  ): Promise<void> {
    if (sectionIds.length === 0 && !zoneId) {
      if (capacity === null)
        throw new DomainError(
          'unprocessable',
          'CAPACITY_REQUIRED',
          'A general-admission ticket type needs a capacity.',
        );
      return;
    }
    if (!venueId)
      throw new DomainError('unprocessable', 'EVENT_HAS_NO_VENUE', 'Give the event a venue before selling its seats.');
    const scope = await this.seatMaps.seatingScope(venueId, sectionIds, zoneId);
    const reserved = zoneId !== null || scope.sellableSeats > 0 || scope.generalAdmission === 0;
    if (reserved && capacity !== null) {
      throw new DomainError(
        'unprocessable',
        'CAPACITY_NOT_FOR_RESERVED',
        'Reserved seating sells seats; leave capacity out.',
      );
    }
    if (!reserved && capacity === null) {
      throw new DomainError('unprocessable', 'CAPACITY_REQUIRED', 'A general-admission ticket type needs a capacity.');
    }
  }
}
