import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { EmailProcessor } from './email.processor.js';
import { FileMailer, MAILER, type Mailer, SmtpMailer } from './mailer.js';

@Module({
  providers: [
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
