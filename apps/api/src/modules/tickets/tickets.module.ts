import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { TicketTypeEntity } from './ticket-type.entity.js';
import { SigningKeyEntity } from './signing-key.entity.js';
import { TicketCodesService } from './ticket-codes.service.js';
import { TicketKeysController } from './ticket-keys.controller.js';
import { IssuedTicketEntity } from './issued-ticket.entity.js';
import { TicketTypesController } from './ticket-types.controller.js';
import { MeTicketsController } from './me-tickets.controller.js';
import { TicketTypesService } from './ticket-types.service.js';
import { QuotaService } from './quota.service.js';
import { IssuedTicketsService } from './issued-tickets.service.js';
import { TicketAdminController } from './ticket-admin.controller.js';
import { TicketBlocksService } from './ticket-blocks.service.js';
import { TicketDeliveryService } from './ticket-delivery.service.js';
import { TicketFilesService } from './ticket-files.service.js';
import { TicketRenderProcessor } from './ticket-render.processor.js';

@Module({
  imports: [TypeOrmModule.forFeature([TicketTypeEntity, IssuedTicketEntity, SigningKeyEntity]), EventsModule],
  controllers: [TicketTypesController, MeTicketsController, TicketKeysController, TicketAdminController],
  providers: [
    TicketTypesService,
    QuotaService,
    IssuedTicketsService,
    TicketCodesService,
    TicketFilesService,
    TicketDeliveryService,
    TicketBlocksService,
    TicketRenderProcessor,
  ],
  exports: [TicketTypesService, QuotaService, IssuedTicketsService, TicketCodesService, TicketFilesService],
})
export class TicketsModule {}
