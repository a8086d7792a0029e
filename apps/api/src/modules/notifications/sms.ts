import type { Logger } from 'pino';

export interface SmsSender {
  readonly kind: 'twilio' | 'log';
  /** Sends one text message; returns the provider's id. Throws when the provider refuses. */
  send(to: string, body: string): Promise<string>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** E.164: a plus, a country code and up to 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio's Messages REST API (form-encoded POST with basic auth). */
export class TwilioSms implements SmsSender {
  readonly kind = 'twilio' as const;
  constructor(private readonly cfg: { accountSid: string; authToken: string; from: string; apiUrl: string }) {}

  async send(to: string, body: string): Promise<string> {
    const url = `${this.cfg.apiUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(this.cfg.accountSid)}/Messages.json`;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.cfg.accountSid}:${this.cfg.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: to, From: this.cfg.from, Body: body }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await res.json().catch(() => ({}))) as { sid?: string; message?: string; code?: number };
    if (!res.ok) throw new Error(`Twilio answered ${res.status}: ${answer.message ?? 'no detail'}`);
    return answer.sid ?? '';
  }
}

/** Without a provider: the message goes to the log (the embedded default and development). */
export class LogSms implements SmsSender {
  readonly kind = 'log' as const;
  constructor(private readonly logger: Logger) {}
  async send(to: string, body: string): Promise<string> {
    this.logger.info({ sms: { to, body } }, 'sms (not sent: no SMS provider configured)');
    return 'logged';
  }
}
