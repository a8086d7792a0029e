// Ticket files in an S3-compatible bucket: the real AWS SDK against a local stand-in of S3.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { decodePdfQrs } from '../support/pdf-qr.js';
import { type S3Stub, startS3Stub } from '../support/s3-stub.js';

let s3: S3Stub;
let t: TestApp;
beforeAll(async () => {
  s3 = await startS3Stub('tessera-tickets');
  t = await createTestApp({
    worker: true,
    env: {
      STORAGE_S3_BUCKET: s3.bucket,
      STORAGE_S3_ENDPOINT: s3.endpoint,
      STORAGE_S3_ACCESS_KEY_ID: 'test-key',
      STORAGE_S3_SECRET_ACCESS_KEY: 'test-secret',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

it('the Ticket Worker puts the files in the bucket; the ticket links are presigned bucket URLs that serve them', async () => {
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const e = await makeEvent(t, manager);
  const tt = await makeTicketType(t, manager, e.id, { capacity: 5 });
  await publish(t, manager, e.id);
  const c = await makeCustomer(t);
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(c.accessToken))
    .set('idempotency-key', randomUUID())
    .send({
      eventId: e.id,
      items: [{ ticketTypeId: tt.id, quantity: 1 }],
      payment: { method: 'sandbox', token: 'sandbox_ok' },
    });
  expect(res.status).toBe(201);
  const ticket = res.body.tickets[0] as { id: string; code: string };
  const deadline = Date.now() + 20_000;
  const keys = () => [...s3.objects.keys()].filter((k) => k.includes(ticket.id));
  while (keys().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(
    keys()
      .map((k) => k.replace(/.*-/, ''))
      .sort(),
  ).toEqual(['a4.pdf', 'qr.png', 'qr.svg', 'thermal.pdf']);

  const detail = await t.http().get(`/api/me/tickets/${ticket.id}`).set(auth(c.accessToken));
  const link = new URL(detail.body.files.pdf as string);
  expect(link.origin).toBe(new URL(s3.endpoint).origin);
  expect(link.searchParams.get('X-Amz-Signature')).toBeTruthy();
  const pdf = await fetch(link);
  expect(pdf.status).toBe(200);
  expect((await decodePdfQrs(Buffer.from(await pdf.arrayBuffer())))[0]).toBe(ticket.code);
});
