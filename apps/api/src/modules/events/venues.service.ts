import { Inject, Injectable } from '@nestjs/common';
import { containsPattern } from '../../platform/database/like.js';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { CreateVenueDto, UpdateVenueDto, VenueDto, VenueListDto, VenueQueryDto } from './dto/venue.dto.js';
import { GEOCODER, type Geocoder, mapUrl } from './geocoder.js';
import { VenueEntity } from './venue.entity.js';

export const toVenueDto = (v: VenueEntity): VenueDto => ({
  id: v.id,
  name: v.name,
  address: v.address,
  postalCode: v.postalCode,
  city: v.city,
  country: v.country,
  latitude: v.latitude,
  longitude: v.longitude,
  capacity: v.capacity,
  timezone: v.timezone,
  mapUrl: mapUrl(v.latitude, v.longitude),
  geocodedAt: v.geocodedAt?.toISOString() ?? null,
});

export const venueNotFound = () => new DomainError('not_found', 'VENUE_NOT_FOUND', 'No venue has this id.');

const auditFields = (v: VenueEntity) => ({
  name: v.name,
  address: v.address,
  postalCode: v.postalCode,
  city: v.city,
  country: v.country,
  latitude: v.latitude,
  longitude: v.longitude,
  capacity: v.capacity,
  timezone: v.timezone,
});

/** Venues and where they are (the Maps API geocodes their addresses). */
@Injectable()
export class VenuesService {
  constructor(
    @InjectRepository(VenueEntity) private readonly venues: Repository<VenueEntity>,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(query: VenueQueryDto): Promise<VenueListDto> {
    const qb = this.venues
      .createQueryBuilder('v')
      .orderBy('v.name', 'ASC')
      .addOrderBy('v.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.q?.trim()) {
      qb.where('(v.name ILIKE :q OR v.city ILIKE :q)', {
        q: containsPattern(query.q),
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toVenueDto), total };
  }

  async get(id: string): Promise<VenueDto> {
    return toVenueDto(await this.load(id));
  }

  async load(id: string): Promise<VenueEntity> {
    const venue = await this.venues.findOne({ where: { id } });
    if (!venue) throw venueNotFound();
    return venue;
  }

  exists(id: string): Promise<boolean> {
    return this.venues.exists({ where: { id } });
  }

  async create(actor: UserActor | null, dto: CreateVenueDto): Promise<VenueDto> {
    const fields = { ...dto, country: dto.country?.toUpperCase(), geocode: undefined };
    const located =
      dto.geocode && (dto.latitude === undefined || dto.longitude === undefined) ? await this.locate(fields) : null;
    return this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(VenueEntity, {
          name: fields.name.trim(),
          address: fields.address ?? null,
          postalCode: fields.postalCode ?? null,
          city: fields.city ?? null,
          country: fields.country ?? null,
          latitude: located?.latitude ?? fields.latitude ?? null,
          longitude: located?.longitude ?? fields.longitude ?? null,
          capacity: fields.capacity ?? null,
          timezone: fields.timezone,
          geocodedAt: located ? new Date() : null,
        }),
      );
      await this.audit.record(m, {
        actor,
        action: 'venue.created',
        entityType: 'venue',
        entityId: saved.id,
        after: auditFields(saved),
      });
      return toVenueDto(saved);
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateVenueDto): Promise<VenueDto> {
    const before = await this.load(id);
    const next: VenueEntity = { ...before };
    for (const key of [
      'name',
      'address',
      'postalCode',
      'city',
      'latitude',
      'longitude',
      'capacity',
      'timezone',
    ] as const) {
      if (dto[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = dto[key];
    }
    if (dto.country !== undefined) next.country = dto.country.toUpperCase();
    const addressChanged = ['address', 'postalCode', 'city', 'country'].some(
      (k) => dto[k as keyof UpdateVenueDto] !== undefined,
    );
    if (dto.geocode || (addressChanged && dto.latitude === undefined && before.geocodedAt)) {
      const located = await this.locate(next);
      next.latitude = located.latitude;
      next.longitude = located.longitude;
      next.geocodedAt = new Date();
    } else if (dto.latitude !== undefined || dto.longitude !== undefined) {
      next.geocodedAt = null;
    }
    return this.tx.run(async (m) => {
      const saved = await m.save(VenueEntity, next);
      await this.audit.record(m, {
        actor,
        action: 'venue.updated',
        entityType: 'venue',
        entityId: id,
        before: auditFields(before),
        after: auditFields(saved),
      });
      return toVenueDto(saved);
    });
  }

  /** Looks the address up and stores the coordinates. */
  async geocode(actor: UserActor, id: string): Promise<VenueDto> {
    return this.update(actor, id, { geocode: true });
  }

  private async locate(v: {
    address?: string | null;
    postalCode?: string | null;
    city?: string | null;
    country?: string | null;
  }) {
    const query = [v.address, v.postalCode, v.city, v.country].filter(Boolean).join(', ');
    if (!query) throw new DomainError('unprocessable', 'ADDRESS_REQUIRED', 'Give an address or a city to geocode.');
    const found = await this.geocoder.geocode(query);
    if (!found) throw new DomainError('unprocessable', 'ADDRESS_NOT_FOUND', `No place was found for "${query}".`);
    return found;
  }
}
