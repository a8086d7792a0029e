import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { ReportExportProcessor } from './report-export.processor.js';
import { ReportExportService } from './report-export.service.js';
import { ReportRunEntity } from './report-run.entity.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import { ReportingController } from './reporting.controller.js';
import { ReportingRepository } from './reporting.repository.js';
import { ReportingService } from './reporting.service.js';

/** Reporting (a read model over the other modules' tables) and the Report Worker's jobs. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportRunEntity])],
  controllers: [ReportingController],
  providers: [
    MaintenanceProcessor,
    ReportingService,
    ReportingRepository,
    ReportExportService,
    ReportRunsRepository,
    ReportExportProcessor,
  ],
})
export class ReportingModule {}
