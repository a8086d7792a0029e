import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { GameEntity } from './game.entity.js';
import { DisabledGeocoder, GEOCODER, NominatimGeocoder } from './geocoder.js';
import { PriceZoneEntity } from './price-zone.entity.js';
import { SeatEntity } from './seat.entity.js';
import { SeatMapController } from './seat-map.controller.js';
import { SeatMapRepository } from './seat-map.repository.js';
import { SeatMapService } from './seat-map.service.js';
import { SectionEntity } from './section.entity.js';
import { VenueEntity } from './venue.entity.js';
import { VenuesController } from './venues.controller.js';
import { VenuesService } from './venues.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([GameEntity, VenueEntity, SectionEntity, SeatEntity, PriceZoneEntity])],
  controllers: [EventsController, VenuesController, SeatMapController],
  providers: [
    EventsService,
    VenuesService,
    SeatMapService,
    SeatMapRepository,
    {
      provide: GEOCODER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.geocoder.url
          ? new NominatimGeocoder(config.geocoder.url, config.geocoder.userAgent, config.geocoder.timeoutMs)
          : new DisabledGeocoder(),
    },
  ],
  exports: [EventsService, VenuesService, SeatMapService],
})
export class EventsModule {}
