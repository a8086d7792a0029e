import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { SalesModule } from '../sales/sales.module.js';
import { SupportController } from './support.controller.js';
import { SupportRepository } from './support.repository.js';
import { SupportTicketEntity, TicketMessageEntity } from './support-ticket.entity.js';
import { SupportService } from './support.service.js';

/** The support desk (the seed's Tickets API): help-desk tickets and their conversations. */
@Module({
  imports: [TypeOrmModule.forFeature([SupportTicketEntity, TicketMessageEntity]), AuthModule, SalesModule],
  controllers: [SupportController],
  providers: [SupportService, SupportRepository],
  exports: [SupportService],
})
export class SupportModule {}
