// Tickets after the sale: files rendered by the Ticket Worker, the confirmation mail with the PDFs
// over SMTP, signed links, transfer and reissue revoking the old code, preferences and SMS.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Keyring, verifyTicketCode } from '../../libs/ticket-code/src/index.js';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { decodePdfQrs, pdfAttachments } from '../support/pdf-qr.js';
import { SmtpCatcher } from '../support/smtp.js';

const smtp = new SmtpCatcher();
const sms: { to: string; body: string; auth: string }[] = [];
let twilio: Server;
let t: TestApp;
let manager: string;
let scannerToken: string;

beforeAll(async () => {
  const smtpUrl = await smtp.start();
  // Twilio's Messages API, as a local stand-in: the real request shape, basic auth, a message sid.
  twilio = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      sms.push({ to: form.get('To') ?? '', body: form.get('Body') ?? '', auth: req.headers.authorization ?? '' });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${randomUUID().replace(/-/g, '')}`, status: 'queued' }));
    });
  });
  await new Promise<void>((r) => twilio.listen(0, '127.0.0.1', r));
  t = await createTestApp({
    worker: true,
    env: {
      SMTP_URL: smtpUrl,
      TWILIO_ACCOUNT_SID: 'AC123',
      TWILIO_AUTH_TOKEN: 'token-123',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_URL: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
      STORAGE_LINK_TTL_SECONDS: '60',
    },
  });
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  scannerToken = (await makeStaff(t, ['scanner'])).accessToken;
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
  await new Promise((r) => twilio?.close(r));
});

const sandbox = { method: 'sandbox', token: 'sandbox_ok' };

async function sale(buyer: { accessToken: string }, quantity = 2) {
  const e = await makeEvent(t, manager, { name: `Delivery ${randomUUID().slice(0, 6)}` });
  const tt = await makeTicketType(t, manager, e.id, { name: 'Standing', capacity: 20 });
  await publish(t, manager, e.id);
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(buyer.accessToken))
    .set('idempotency-key', randomUUID())
    .send({ eventId: e.id, items: [{ ticketTypeId: tt.id, quantity }], payment: sandbox });
  expect(res.status).toBe(201);
  const keys = await t.http().get(`/api/events/${e.id}/ticket-keys`).set(auth(scannerToken));
  return { eventId: e.id as string, purchase: res.body, keyring: Keyring.fromJSON(keys.body.items) };
}

describe('ticket files and the confirmation mail', () => {
  it('the mail carries one PDF per ticket; the QR read back from each page verifies', async () => {
    const c = await makeCustomer(t, 'Paula Pdf');
    const { eventId, purchase, keyring } = await sale(c);
    const mail = await smtp.waitFor((m) => m.to.includes(c.email) && m.raw.includes('Your tickets for'), 30_000);
    const pdfs = pdfAttachments(mail.raw);
    expect(pdfs).toHaveLength(2);
    const codes = await Promise.all(pdfs.map(async (pdf) => (await decodePdfQrs(pdf))[0]));
    expect(new Set(codes)).toEqual(new Set(purchase.tickets.map((x: { code: string }) => x.code)));
    for (const code of codes) {
      const verified = await verifyTicketCode(code as string, keyring, Date.now(), { eventId });
      expect(purchase.tickets.map((x: { id: string }) => x.id)).toContain(verified.ticketId);
    }
    const [record] = await t.db.query(
      "SELECT channel, status, template FROM notifications WHERE purchase_id = $1 AND channel = 'email'",
      [purchase.id],
    );
    expect(record).toEqual({ channel: 'email', status: 'sent', template: 'purchase-confirmation' });
  });

  it('ticket detail: QR as SVG and signed links that work, expire and cannot be altered; the PDF route', async () => {
    const c = await makeCustomer(t);
    const { purchase } = await sale(c, 1);
    const ticketId = purchase.tickets[0].id;
    const detail = await t.http().get(`/api/me/tickets/${ticketId}`).set(auth(c.accessToken));
    expect(detail.status).toBe(200);
    expect(detail.body.qrSvg).toContain('<svg');
    expect(detail.body.transferable).toBe(true);
    expect(detail.body.event.name).toMatch(/^Delivery /);
    const link = new URL(detail.body.files.pdf);
    const ok = await t.http().get(link.pathname + link.search);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['cache-control']).toMatch(/max-age=\d+/);
    expect((await decodePdfQrs(ok.body as Buffer))[0]).toBe(purchase.tickets[0].code);
    const altered = new URL(link);
    altered.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));
    const bad = await t.http().get(altered.pathname + altered.search);
    expect(bad.status).toBe(403);
    expect(bad.body.code).toBe('LINK_INVALID');
    const otherKey = await t.http().get(link.pathname.replace(ticketId, randomUUID()) + link.search);
    expect(otherKey.status).toBe(403);
    const pdf = await t.http().get(`/api/me/tickets/${ticketId}/pdf`).set(auth(c.accessToken));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const stranger = await makeCustomer(t);
    expect((await t.http().get(`/api/me/tickets/${ticketId}`).set(auth(stranger.accessToken))).status).toBe(404);
    expect((await t.http().get(`/api/me/tickets/${ticketId}/pdf`).set(auth(stranger.accessToken))).status).toBe(404);
  });

  it('the box office prints a sale as one thermal PDF, one page per ticket', async () => {
    const c = await makeCustomer(t);
    const { purchase } = await sale(c, 2);
    const clerk = await makeStaff(t, ['box_office']);
    const res = await t
      .http()
      .get(`/api/purchases/${purchase.id}/tickets.pdf`)
      .query({ layout: 'thermal' })
      .set(auth(clerk.accessToken));
    expect(res.status).toBe(200);
    expect((await decodePdfQrs(res.body as Buffer)).sort()).toEqual(
      purchase.tickets.map((x: { code: string }) => x.code).sort(),
    );
    const stranger = await makeCustomer(t);
    const denied = await t.http().get(`/api/purchases/${purchase.id}/tickets.pdf`).set(auth(stranger.accessToken));
    expect(denied.status).toBe(404);
  });
});

describe('transfer and reissue', () => {
  it('a transfer revokes the old code, issues a new one to the recipient, and tells both', async () => {
    const from = await makeCustomer(t, 'Frank From');
    const to = await makeCustomer(t, 'Tina To');
    const { eventId, purchase, keyring } = await sale(from, 1);
    const old = purchase.tickets[0];
    const res = await t
      .http()
      .post(`/api/me/tickets/${old.id}/transfer`)
      .set(auth(from.accessToken))
      .send({ email: to.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revokedTicketId: old.id, transferredTo: to.email });
    const [oldRow] = await t.db.query('SELECT status, revoked_reason FROM issued_tickets WHERE id = $1', [old.id]);
    expect(oldRow).toEqual({ status: 'revoked', revoked_reason: 'transferred' });
    const theirs = await t.http().get('/api/me/tickets').query({ eventId }).set(auth(to.accessToken));
    expect(theirs.body.items.map((x: { id: string }) => x.id)).toEqual([res.body.ticketId]);
    const newCode = theirs.body.items[0].code as string;
    expect(newCode).not.toBe(old.code);
    expect((await verifyTicketCode(newCode, keyring, Date.now())).ticketId).toBe(res.body.ticketId);
    const scanner = await makeStaff(t, ['scanner']);
    const revoked = await t.http().get(`/api/events/${eventId}/revocations`).set(auth(scanner.accessToken));
    expect(revoked.body.items).toEqual([expect.objectContaining({ ticketId: old.id, reason: 'transferred' })]);
    await smtp.waitFor((m) => m.to.includes(from.email) && m.raw.includes('You transferred a ticket'), 30_000);
    const received = await smtp.waitFor((m) => m.to.includes(to.email) && m.raw.includes('is yours'), 30_000);
    expect((await decodePdfQrs(pdfAttachments(received.raw)[0]))[0]).toBe(newCode);
    // The old holder no longer has it; a second transfer of the old ticket is refused.
    const again = await t
      .http()
      .post(`/api/me/tickets/${old.id}/transfer`)
      .set(auth(from.accessToken))
      .send({ email: 'someone@test.local' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TICKET_NOT_TRANSFERABLE');
  });

  it('refuses a bad address, a used or refunded ticket, and someone else’s ticket', async () => {
    const c = await makeCustomer(t);
    const { eventId, purchase } = await sale(c, 3);
    const [a, b, d] = purchase.tickets as { id: string }[];
    const send = (id: string, body: Record<string, unknown>, token = c.accessToken) =>
      t.http().post(`/api/me/tickets/${id}/transfer`).set(auth(token)).send(body);
    const invalid = await send(a.id, { email: 'not-an-address' });
    expect(invalid.status).toBe(400);
    await t.db.query('UPDATE issued_tickets SET used_at = now() WHERE id = $1', [a.id]);
    expect((await send(a.id, { email: 'x@test.local' })).body.code).toBe('TICKET_NOT_TRANSFERABLE');
    const agent = await makeStaff(t, ['support_agent']);
    const refund = await t
      .http()
      .post(`/api/purchases/${purchase.id}/refunds`)
      .set(auth(agent.accessToken))
      .send({ ticketIds: [b.id] });
    expect(refund.status).toBe(201);
    expect((await send(b.id, { email: 'x@test.local' })).body.code).toBe('TICKET_NOT_TRANSFERABLE');
    // Scanners offline learn of the refund through the revocation list.
    const revoked = await t.http().get(`/api/events/${eventId}/revocations`).set(auth(scannerToken));
    expect(revoked.body.items).toEqual([expect.objectContaining({ ticketId: b.id, reason: 'refunded' })]);
    const stranger = await makeCustomer(t);
    expect((await send(d.id, { email: 'x@test.local' }, stranger.accessToken)).status).toBe(404);
    expect((await send(d.id, { email: c.email })).body.code).toBe('TRANSFER_TO_SELF');
    const [row] = await t.db.query('SELECT status FROM issued_tickets WHERE id = $1', [d.id]);
    expect(row.status).toBe('valid');
    // Once the event is over, the ticket says so and the transfer is refused.
    expect((await t.http().get(`/api/me/tickets/${d.id}`).set(auth(c.accessToken))).body.transferable).toBe(true);
    await t.db.query("UPDATE games SET status = 'completed' WHERE id = $1", [eventId]);
    expect((await t.http().get(`/api/me/tickets/${d.id}`).set(auth(c.accessToken))).body.transferable).toBe(false);
    expect((await send(d.id, { email: 'late@test.local' })).body.code).toBe('TICKET_NOT_TRANSFERABLE');
  });

  it('staff reissue a ticket: new code, old one revoked, holder mailed; customers may not', async () => {
    const c = await makeCustomer(t, 'Lost Phone');
    const { eventId, purchase } = await sale(c, 1);
    const old = purchase.tickets[0];
    expect(
      (await t.http().post(`/api/issued-tickets/${old.id}/reissue`).set(auth(c.accessToken)).send({ reason: 'mine' }))
        .status,
    ).toBe(403);
    const agent = await makeStaff(t, ['support_agent']);
    const res = await t
      .http()
      .post(`/api/issued-tickets/${old.id}/reissue`)
      .set(auth(agent.accessToken))
      .send({ reason: 'Lost phone' });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(old.id);
    expect(res.body.code).not.toBe(old.code);
    const mine = await t.http().get('/api/me/tickets').query({ eventId }).set(auth(c.accessToken));
    expect(mine.body.items.map((x: { id: string; status: string }) => [x.id, x.status]).sort()).toEqual(
      [
        [old.id, 'revoked'],
        [res.body.id, 'valid'],
      ].sort(),
    );
    await smtp.waitFor((m) => m.to.includes(c.email) && m.raw.includes('Your ticket was reissued'), 30_000);
  });
});

describe('preferences and SMS', () => {
  it('SMS goes through the provider to customers who asked; email switched off is skipped and recorded', async () => {
    const c = await makeCustomer(t);
    const bad = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(auth(c.accessToken))
      .send({ email: false, sms: true, phone: null });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('PHONE_REQUIRED');
    const set = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(auth(c.accessToken))
      .send({ email: false, sms: true, phone: '+31 6 1234 5678' });
    expect(set.body).toEqual({ email: false, sms: true, phone: '+31612345678' });
    const { purchase } = await sale(c, 1);
    const deadline = Date.now() + 30_000;
    while (!sms.some((m) => m.to === '+31612345678') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const text = sms.find((m) => m.to === '+31612345678');
    expect(text?.body).toContain('/tickets');
    expect(text?.auth).toBe(`Basic ${Buffer.from('AC123:token-123').toString('base64')}`);
    const records = async () =>
      t.db.query('SELECT channel, status FROM notifications WHERE purchase_id = $1 ORDER BY channel', [purchase.id]);
    while ((await records()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await records()).toEqual([
      { channel: 'email', status: 'skipped' },
      { channel: 'sms', status: 'sent' },
    ]);
    expect(smtp.messages.some((m) => m.to.includes(c.email) && m.raw.includes('Your tickets for'))).toBe(false);
  });
});

describe('resend and refund notices', () => {
  it('resend mails the ticket again with its PDF; a refund sends the refund notice', async () => {
    const c = await makeCustomer(t, 'Rhea Resend');
    const { purchase } = await sale(c, 1);
    await smtp.waitFor((m) => m.to.includes(c.email) && m.raw.includes('Your tickets for'), 30_000);
    const ticket = purchase.tickets[0] as { id: string; code: string };
    const res = await t.http().post(`/api/me/tickets/${ticket.id}/resend`).set(auth(c.accessToken));
    expect([res.status, res.body]).toEqual([202, { queued: true }]);
    const again = await smtp.waitFor((m) => m.to.includes(c.email) && m.raw.includes('again (attached)'), 30_000);
    expect((await decodePdfQrs(pdfAttachments(again.raw)[0]))[0]).toBe(ticket.code);
    const stranger = await makeCustomer(t);
    expect((await t.http().post(`/api/me/tickets/${ticket.id}/resend`).set(auth(stranger.accessToken))).status).toBe(
      404,
    );

    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    expect((await t.http().post(`/api/purchases/${purchase.id}/refunds`).set(auth(agent)).send({})).status).toBe(201);
    await smtp.waitFor((m) => m.to.includes(c.email) && m.raw.includes('Your refund is on its way'), 30_000);
    const refunded = await t.http().post(`/api/me/tickets/${ticket.id}/resend`).set(auth(c.accessToken));
    expect([refunded.status, refunded.body.code]).toEqual([409, 'TICKET_NOT_VALID']);
  });
});
