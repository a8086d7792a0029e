import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { EmailProcessor } from './email.processor.js';
import { FileMailer, MAILER, type Mailer, SmtpMailer } from './mailer.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import type { Logger } from 'pino';
import { SalesModule } from '../sales/sales.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesController } from './preferences.controller.js';
import { LogSms, SMS_SENDER, type SmsSender, TwilioSms } from './sms.js';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationPreferenceEntity]), SalesModule, TicketsModule],
  controllers: [PreferencesController],
  providers: [
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger): SmsSender =>
        config.sms.twilio ? new TwilioSms(config.sms.twilio) : new LogSms(logger),
    },
    NotificationsService,
    DeliveryProcessor,
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer =>
        config.mail.smtpUrl
          ? new SmtpMailer(config.mail.smtpUrl, config.mail.from)
          : new FileMailer(join(config.dataDir, 'outbox-mail'), config.mail.from),
    },
    EmailProcessor,
  ],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}
