import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DevicesService } from './devices.service.js';
import { EntryStatsService } from './entry-stats.service.js';
import { ValidationEngine } from './validation-engine.js';
import { AccessSetupController } from './access-setup.controller.js';
import { AccessSetupService } from './access-setup.service.js';
import { ValidationController } from './validation.controller.js';
import {
  CheckInEntity,
  CheckInListEntity,
  GateEntity,
  ScannerDeviceEntity,
  ValidationFlagEntity,
  ValidationLogEntity,
  ZoneEntity,
} from './validation.entity.js';
import { ValidationService } from './validation.service.js';

/** Entry validation: the scan decision, check-in lists, zones and gates, and the validation log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CheckInListEntity,
      ZoneEntity,
      GateEntity,
      CheckInEntity,
      ValidationLogEntity,
      ScannerDeviceEntity,
      ValidationFlagEntity,
    ]),
    TicketsModule,
    AuthModule,
  ],
  controllers: [ValidationController, AccessSetupController],
  providers: [ValidationService, AccessSetupService, DevicesService, EntryStatsService, ValidationEngine],
})
export class ValidationModule {}
