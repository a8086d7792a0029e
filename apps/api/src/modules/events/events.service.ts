import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor, hasRole, type UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { CreateEventDto, EventDto, EventListDto, EventQueryDto } from './dto/event.dto.js';
import { GameEntity } from './game.entity.js';
import { VenueEntity } from './venue.entity.js';

const PUBLIC_STATUSES = ['on_sale', 'sales_closed', 'completed', 'canceled'];

const toDto = (e: GameEntity): EventDto => ({
  id: e.id,
  name: e.name,
  description: e.description,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt?.toISOString() ?? null,
  doorsAt: e.doorsAt?.toISOString() ?? null,
  timezone: e.timezone,
  status: e.status,
  venue: e.venue ? { id: e.venue.id, name: e.venue.name, city: e.venue.city } : null,
});

const eventNotFound = () => new DomainError('not_found', 'EVENT_NOT_FOUND', 'No event has this id.');

/** The Event Service: what is on, where and when. */
@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(GameEntity) private readonly games: Repository<GameEntity>,
    @InjectRepository(VenueEntity) private readonly venues: Repository<VenueEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor | null, query: EventQueryDto): Promise<EventListDto> {
    const qb = this.games
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (!hasRole(actor, 'event_manager', 'box_office', 'scanner', 'support_agent')) {
      qb.andWhere('e.status IN (:...pub)', { pub: PUBLIC_STATUSES });
    }
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.q) {
      const q = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(e.name ILIKE :q OR e.description ILIKE :q)', { q });
    }
    if (query.from) qb.andWhere('e.starts_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.starts_at < :to', { to: query.to });
    if (query.venueId) qb.andWhere('e.venue_id = :venueId', { venueId: query.venueId });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toDto), total };
  }

  async get(actor: Actor | null, id: string): Promise<EventDto> {
    const event = await this.load(id);
    if (
      !PUBLIC_STATUSES.includes(event.status) &&
      !hasRole(actor, 'event_manager', 'box_office', 'scanner', 'support_agent')
    ) {
      throw eventNotFound();
    }
    return toDto(event);
  }

  private async load(id: string): Promise<GameEntity> {
    const event = await this.games.findOne({ where: { id }, relations: { venue: true } });
    if (!event) throw eventNotFound();
    return event;
  }

  /** For other modules: the event's id, status, zone and start, or null. */
  findForSale(id: string): Promise<Pick<GameEntity, 'id' | 'status' | 'startsAt' | 'timezone'> | null> {
    return this.games.findOne({ where: { id }, select: { id: true, status: true, startsAt: true, timezone: true } });
  }

  async create(actor: UserActor | null, dto: CreateEventDto): Promise<EventDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    const doorsAt = dto.doorsAt ? new Date(dto.doorsAt) : null;
    if (endsAt && endsAt <= startsAt)
      throw new DomainError('unprocessable', 'END_BEFORE_START', 'endsAt must be after startsAt.');
    if (doorsAt && doorsAt > startsAt)
      throw new DomainError('unprocessable', 'DOORS_AFTER_START', 'doorsAt must not be after startsAt.');
    if (dto.venueId && !(await this.venues.exists({ where: { id: dto.venueId } }))) {
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
          status: 'draft',
        }),
      );
      await this.audit.record(m, {
        actor,
        action: 'event.created',
        entityType: 'event',
        entityId: saved.id,
        after: { name: saved.name, startsAt: dto.startsAt },
      });
      return saved.id;
    });
    return toDto(await this.load(id));
  }

  /** draft -> on_sale, by compare-and-set. The caller checks that ticket types exist. */
  async publish(actor: UserActor | null, id: string, hasTicketTypes: boolean): Promise<EventDto> {
    if (!hasTicketTypes) {
      throw new DomainError('unprocessable', 'NO_TICKET_TYPES', 'Add at least one ticket type before publishing.');
    }
    await this.tx.run(async (m) => {
      const result = (await m.query(
        "UPDATE games SET status = 'on_sale', published_at = now(), updated_at = now() WHERE id = $1 AND status = 'draft' RETURNING id",
        [id],
      )) as [unknown[], number];
      if (result[1] === 0) {
        const current = await m.findOne(GameEntity, { where: { id } });
        if (!current) throw eventNotFound();
        throw new DomainError(
          'conflict',
          'INVALID_STATUS',
          `Only a draft can be published; this event is ${current.status}.`,
        );
      }
      await this.audit.record(m, {
        actor,
        action: 'event.published',
        entityType: 'event',
        entityId: id,
        before: { status: 'draft' },
        after: { status: 'on_sale' },
      });
    });
    return toDto(await this.load(id));
  }

  async createVenue(
    actor: UserActor | null,
    venue: Pick<
      VenueEntity,
      'name' | 'address' | 'city' | 'country' | 'latitude' | 'longitude' | 'capacity' | 'timezone'
    >,
  ) {
    return this.tx.run(async (m) => {
      const saved = await m.save(m.create(VenueEntity, venue));
      await this.audit.record(m, {
        actor,
        action: 'venue.created',
        entityType: 'venue',
        entityId: saved.id,
        after: { name: saved.name },
      });
      return saved;
    });
  }
}
