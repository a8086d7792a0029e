import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AccessSetupService } from './access-setup.service.js';
import { ValidationController } from './validation.controller.js';
import { CheckInEntity, CheckInListEntity, GateEntity, ValidationLogEntity, ZoneEntity } from './validation.entity.js';
import { ValidationService } from './validation.service.js';

/** Entry validation: the scan decision, check-in lists, zones and gates, and the validation log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CheckInListEntity, ZoneEntity, GateEntity, CheckInEntity, ValidationLogEntity]),
    TicketsModule,
  ],
  controllers: [ValidationController],
  providers: [ValidationService, AccessSetupService],
})
export class ValidationModule {}
