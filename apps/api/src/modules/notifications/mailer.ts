import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so a retried job does not look like a new message to the recipient's server. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  readonly kind: 'smtp' | 'file';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export const MAILER = Symbol('MAILER');

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: m.messageId,
      attachments: m.attachments,
    });
  }
  async close(): Promise<void> {
    this.transport.close();
  }
}

/** The embedded default: each message becomes an .eml file under .data/outbox-mail/. */
export class FileMailer implements Mailer {
  readonly kind = 'file' as const;
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}
  async send(m: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await transport.sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: m.messageId,
      attachments: m.attachments,
    });
    const safe = m.messageId.replace(/[^A-Za-z0-9.-]/g, '_');
    await writeFile(join(this.dir, `${safe}.eml`), info.message as Buffer);
  }
  async close(): Promise<void> {}
}
