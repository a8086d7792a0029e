import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '../tickets/tickets.module.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { GameEntity } from './game.entity.js';
import { VenueEntity } from './venue.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([GameEntity, VenueEntity]), TicketsModule],
  controllers: [EventsController],
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}
