import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobContext } from '../../platform/queue/queue.driver.js';
import { MAILER, type Mailer } from './mailer.js';
import { isTemplate, TEMPLATES } from './templates.js';

/** Payload of the `email.send` job. */
export interface EmailJob {
  to: string;
  template: string;
  data: Record<string, unknown>;
}

/** The Email Worker: renders a template and hands it to SMTP. Retries come from the queue. */
@Injectable()
export class EmailProcessor {
  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler('email.send')
  async send(job: JobContext): Promise<void> {
    const payload = job.data as unknown as EmailJob;
    if (!isTemplate(payload.template)) throw new Error(`unknown email template ${String(payload.template)}`);
    const rendered = TEMPLATES[payload.template](payload.data ?? {}, { publicUrl: this.config.publicUrl });
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    await this.mailer.send({ to: payload.to, ...rendered, messageId: `<${job.id}@${host}>` });
  }
}
