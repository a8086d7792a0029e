import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { Logger } from 'pino';
import { AuthModule } from './modules/auth/auth.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { InventoryModule } from './modules/inventory/inventory.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { PricingModule } from './modules/pricing/pricing.module.js';
import { SalesModule } from './modules/sales/sales.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ReportingModule } from './modules/reporting/reporting.module.js';
import { SupportModule } from './modules/support/support.module.js';
import { TicketsModule } from './modules/tickets/tickets.module.js';
import { AccessGuard } from './platform/auth/access.guard.js';
import { AuditModule } from './platform/audit/audit.module.js';
import { StorageModule } from './platform/storage/storage.module.js';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { ProblemFilter } from './platform/http/problem.filter.js';
import { AppValidationPipe } from './platform/http/validation.pipe.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { QueueModule, QueueWorkerModule } from './platform/queue/queue.module.js';
import { StoreModule } from './platform/store/store.module.js';
import { ValidationModule } from './modules/validation/validation.module.js';

export interface AppModuleOptions {
  /** Also run the worker side (outbox relay, job handlers, schedules) in this process. */
  worker: boolean;
}

const FEATURES = [
  AuthModule,
  EventsModule,
  TicketsModule,
  PricingModule,
  InventoryModule,
  PaymentsModule,
  SalesModule,
  NotificationsModule,
  ValidationModule,
  ReportingModule,
  SupportModule,
];

/** The API and the worker share every module; only the entry point and QueueWorkerModule differ. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger, options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DiscoveryModule,
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule,
        StoreModule,
        QueueModule,
        AuditModule,
        StorageModule,
        HealthModule,
        ...FEATURES,
        ...(options.worker ? [QueueWorkerModule] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: AppValidationPipe },
      ],
    };
  }
}
