import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { OutboxRelay } from '../../apps/api/src/platform/queue/outbox.relay.js';
import { createTestApp, makeCustomer, type TestApp } from '../support/app.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { SmtpCatcher } from '../support/smtp.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const smtp = new SmtpCatcher();
const redisProxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_REDIS_URL).port || 6379));
let t: TestApp;

beforeAll(async () => {
  const smtpUrl = await smtp.start();
  const port = await redisProxy.start();
  t = await createTestApp({ worker: true, env: { SMTP_URL: smtpUrl, REDIS_URL: `redis://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
  await redisProxy.stop();
});

const outboxRow = async (email: string) =>
  (
    (await t.db.query(
      "SELECT id, queue, name, relayed_at, attempts, last_error FROM outbox_messages WHERE payload->>'to' = $1",
      [email],
    )) as {
      id: string;
      queue: string;
      name: string;
      relayed_at: Date | null;
      attempts: number;
      last_error: string | null;
    }[]
  )[0];

describe('outbox -> BullMQ -> Email Worker -> SMTP', () => {
  it('a registration writes its outbox row in the same transaction, and the welcome mail arrives over SMTP', async () => {
    const c = await makeCustomer(t, 'Quinn Queue');
    const row = await outboxRow(c.email);
    expect(row).toMatchObject({ queue: 'email', name: 'email.send' });
    const mail = await smtp.waitFor((m) => m.to.includes(c.email));
    expect(mail.raw).toContain('Subject: Welcome to Tessera');
    expect(mail.raw).toContain('Quinn Queue');
    // The job id is the outbox id, which is also the message id: a retry cannot look like a new mail.
    expect(mail.raw).toContain(`Message-ID: <${row.id}@`);
    const relayed = await outboxRow(c.email);
    expect(relayed.relayed_at).not.toBeNull();
  });

  it('relaying the same outbox row twice enqueues one job', async () => {
    const c = await makeCustomer(t, 'Dee Duplicate');
    await smtp.waitFor((m) => m.to.includes(c.email));
    const row = await outboxRow(c.email);
    // Pretend a relay crashed after adding the job but before marking the row relayed.
    await t.db.query('UPDATE outbox_messages SET relayed_at = NULL, available_at = now() WHERE id = $1', [row.id]);
    await t.app.get(OutboxRelay).relayOnce();
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages.filter((m) => m.to.includes(c.email))).toHaveLength(1);
    const q = new Queue('email', { connection: { url: TEST_REDIS_URL }, prefix: t.config.queue.prefix });
    expect(await q.getJob(row.id)).toBeDefined();
    await q.close();
  });

  it('with Redis down, a registration still succeeds; its mail waits in the outbox and is sent when Redis is back', async () => {
    await redisProxy.cut();
    try {
      const res = await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'outage@test.local', password: 'outage-password', name: 'Olive Outage' });
      // Sessions live in Redis too, so the account is created but the sign-in part may be refused:
      // what matters is that the account and its mail are never lost.
      expect([201, 503]).toContain(res.status);
      const users = await t.db.query("SELECT id FROM users WHERE email = 'outage@test.local'");
      expect(users).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 1500));
      const pending = await outboxRow('outage@test.local');
      expect(pending.relayed_at).toBeNull();
      expect(smtp.messages.some((m) => m.to.includes('outage@test.local'))).toBe(false);
    } finally {
      await redisProxy.restore();
    }
    const mail = await smtp.waitFor((m) => m.to.includes('outage@test.local'), 30_000);
    expect(mail.raw).toContain('Olive Outage');
    expect((await outboxRow('outage@test.local')).relayed_at).not.toBeNull();
  });
});
