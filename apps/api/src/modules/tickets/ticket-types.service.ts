import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type {
  CreateTicketTypeDto,
  TicketTypeDto,
  TicketTypeListDto,
  TicketTypeQueryDto,
  TicketTypeStatus,
} from './dto/ticket-type.dto.js';
import { TicketTypeEntity } from './ticket-type.entity.js';

export function ticketTypeStatus(
  t: Pick<TicketTypeEntity, 'capacity' | 'sold' | 'held' | 'salesStartAt' | 'salesEndAt'>,
  now = new Date(),
): TicketTypeStatus {
  if (t.salesStartAt && now < t.salesStartAt) return 'not_yet_on_sale';
  if (t.salesEndAt && now >= t.salesEndAt) return 'sales_ended';
  if (t.capacity !== null && t.sold + t.held >= t.capacity) return 'sold_out';
  return 'on_sale';
}

const toDto = (t: TicketTypeEntity): TicketTypeDto => ({
  id: t.id,
  eventId: t.eventId,
  name: t.name,
  price: t.price,
  currency: t.currency,
  available: t.capacity === null ? null : Math.max(0, t.capacity - t.sold - t.held),
  status: ticketTypeStatus(t),
  capacity: t.capacity,
  salesStartAt: t.salesStartAt?.toISOString() ?? null,
  salesEndAt: t.salesEndAt?.toISOString() ?? null,
  maxPerOrder: t.maxPerOrder,
  accessLevel: t.accessLevel,
});

/** The Ticket Service's catalogue side: what can be bought for an event, at what price, how many left. */
@Injectable()
export class TicketTypesService {
  constructor(
    @InjectRepository(TicketTypeEntity) private readonly types: Repository<TicketTypeEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(query: TicketTypeQueryDto): Promise<TicketTypeListDto> {
    const [rows, total] = await this.types.findAndCount({
      where: { eventId: query.eventId },
      order: { sortOrder: 'ASC', createdAt: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(toDto), total };
  }

  existFor(eventId: string): Promise<boolean> {
    return this.types.exists({ where: { eventId } });
  }

  async create(actor: UserActor | null, dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    const salesStartAt = dto.salesStartAt ? new Date(dto.salesStartAt) : null;
    const salesEndAt = dto.salesEndAt ? new Date(dto.salesEndAt) : null;
    if (salesStartAt && salesEndAt && salesEndAt <= salesStartAt) {
      throw new DomainError('unprocessable', 'SALES_WINDOW_INVALID', 'salesEndAt must be after salesStartAt.');
    }
    try {
      return await this.tx.run(async (m) => {
        const saved = await m.save(
          m.create(TicketTypeEntity, {
            eventId: dto.eventId,
            name: dto.name.trim(),
            price: dto.price,
            currency: dto.currency,
            capacity: dto.capacity ?? null,
            salesStartAt,
            salesEndAt,
            maxPerOrder: dto.maxPerOrder ?? 10,
            accessLevel: dto.accessLevel ?? 'general',
          }),
        );
        await this.audit.record(m, {
          actor,
          action: 'ticket_type.created',
          entityType: 'ticket_type',
          entityId: saved.id,
          after: {
            eventId: saved.eventId,
            name: saved.name,
            price: saved.price,
            currency: saved.currency,
            capacity: saved.capacity,
          },
        });
        return toDto(saved);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
        throw new DomainError('unprocessable', 'EVENT_NOT_FOUND', 'No event has this id.');
      }
      throw error;
    }
  }
}
