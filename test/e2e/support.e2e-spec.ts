// The support desk: customers open tickets and follow the conversation; support agents and admins
// work the queue (filters, assignment, replies the customer is emailed about, internal notes,
// the status workflow, priority), and every one of those staff actions is in the audit trail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { SmtpCatcher } from '../support/smtp.js';

const smtp = new SmtpCatcher();
let t: TestApp;
let manager: string;
let agent: Awaited<ReturnType<typeof makeStaff>>;
let otherAgent: Awaited<ReturnType<typeof makeStaff>>;
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let stranger: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  const smtpUrl = await smtp.start();
  t = await createTestApp({ worker: true, env: { SMTP_URL: smtpUrl } });
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  agent = await makeStaff(t, ['support_agent']);
  otherAgent = await makeStaff(t, ['support_agent']);
  customer = await makeCustomer(t, 'Casey Customer');
  stranger = await makeCustomer(t, 'Sam Stranger');
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

async function purchaseFor(buyer: { accessToken: string }) {
  const e = await makeEvent(t, manager, { name: `Support ${randomUUID().slice(0, 6)}` });
  const tt = await makeTicketType(t, manager, e.id, { capacity: 20, price: 3000 });
  await publish(t, manager, e.id);
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(buyer.accessToken))
    .set('idempotency-key', randomUUID())
    .send({
      eventId: e.id,
      items: [{ ticketTypeId: tt.id, quantity: 1 }],
      payment: { method: 'sandbox', token: 'sandbox_ok' },
    });
  expect(res.status).toBe(201);
  return { eventId: e.id as string, purchaseId: res.body.id as string };
}

const open = (token: string, body: Record<string, unknown>) =>
  t.http().post('/api/tickets').set(auth(token)).send(body);
const patch = (token: string, id: string, body: Record<string, unknown>) =>
  t.http().patch(`/api/tickets/${id}`).set(auth(token)).send(body);
const count = async (table: string) =>
  ((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

describe('opening a ticket', () => {
  it('a customer opens a ticket about their purchase: 201 open, the first message kept, the event known', async () => {
    const { eventId, purchaseId } = await purchaseFor(customer);
    const res = await open(customer.accessToken, {
      subject: '  Tickets not arrived  ',
      message: 'I paid but have no e-mail.',
      purchaseId,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      priority: 'normal',
      subject: 'Tickets not arrived',
      purchaseId,
      eventId,
      assigneeId: null,
      firstResponseAt: null,
      customer: { id: customer.user.id },
    });
    expect(res.body.messages).toEqual([
      expect.objectContaining({ authorKind: 'customer', body: 'I paid but have no e-mail.', internal: false }),
    ]);
    const [row] = await t.db.query('SELECT customer_id, status, event_id FROM tickets WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ customer_id: customer.user.id, status: 'open', event_id: eventId });
  });

  it('bad input is refused with a code and nothing is stored', async () => {
    const { purchaseId } = await purchaseFor(stranger);
    const before = [await count('tickets'), await count('ticket_messages')];
    const empty = await open(customer.accessToken, { subject: '   ', message: 'Hello' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(empty.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'subject' })]));
    const notMine = await open(customer.accessToken, { subject: 'Refund', message: 'Please', purchaseId });
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('PURCHASE_NOT_FOUND');
    const unknown = await open(customer.accessToken, {
      subject: 'Refund',
      message: 'Please',
      purchaseId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
    const noMessage = await open(customer.accessToken, { subject: 'Refund' });
    expect(noMessage.status).toBe(400);
    const extra = await open(customer.accessToken, { subject: 'Refund', message: 'x', status: 'closed' });
    expect(extra.status).toBe(400);
    expect([await count('tickets'), await count('ticket_messages')]).toEqual(before);
  });

  it('needs a signed-in person', async () => {
    const res = await t.http().post('/api/tickets').send({ subject: 'Hi', message: 'Hi' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });
});

describe('visibility', () => {
  it("customers see only their own tickets; someone else's ticket is a 404; agents and admins see all", async () => {
    const mine = await open(customer.accessToken, { subject: 'Seat question', message: 'Which gate?' });
    const theirs = await open(stranger.accessToken, { subject: 'Stranger question', message: 'Parking?' });
    const list = await t.http().get('/api/tickets').query({ limit: 200 }).set(auth(customer.accessToken));
    expect(list.status).toBe(200);
    const ids = list.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(theirs.body.id);
    expect(list.body.items.every((x: { customer: { id: string } }) => x.customer.id === customer.user.id)).toBe(true);
    expect(list.body.total).toBe(ids.length);

    for (const path of [`/api/tickets/${theirs.body.id}`]) {
      const res = await t.http().get(path).set(auth(customer.accessToken));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('TICKET_NOT_FOUND');
    }
    const reply = await t
      .http()
      .post(`/api/tickets/${theirs.body.id}/messages`)
      .set(auth(customer.accessToken))
      .send({ message: 'Let me in' });
    expect(reply.status).toBe(404);

    // A staff member without the support role is a customer here: only their own tickets.
    const boxOffice = await makeStaff(t, ['box_office']);
    const boList = await t.http().get('/api/tickets').set(auth(boxOffice.accessToken));
    expect(boList.body).toEqual({ items: [], total: 0 });
    expect((await t.http().get(`/api/tickets/${mine.body.id}`).set(auth(boxOffice.accessToken))).status).toBe(404);

    for (const token of [agent.accessToken, await adminToken(t)]) {
      const all = await t.http().get('/api/tickets').query({ limit: 200 }).set(auth(token));
      const allIds = all.body.items.map((x: { id: string }) => x.id);
      expect(allIds).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
    }
  });

  it('staff-only actions are 403 for customers and other roles', async () => {
    const mine = await open(customer.accessToken, { subject: 'Please close', message: 'Done' });
    const boxOffice = await makeStaff(t, ['box_office']);
    for (const token of [customer.accessToken, boxOffice.accessToken]) {
      const status = await patch(token, mine.body.id, { status: 'pending' });
      expect(status.status).toBe(403);
      expect(status.body.code).toBe('ROLE_MISSING');
      const note = await t.http().post(`/api/tickets/${mine.body.id}/notes`).set(auth(token)).send({ message: 'x' });
      expect(note.status).toBe(403);
      expect((await t.http().get('/api/support/agents').set(auth(token))).status).toBe(403);
    }
    const [row] = await t.db.query('SELECT status FROM tickets WHERE id = $1', [mine.body.id]);
    expect(row.status).toBe('open');
  });

  it('ids that are not UUIDs are refused, and the neighbouring ticket routes still answer', async () => {
    const res = await t.http().get('/api/tickets/not-a-uuid').set(auth(customer.accessToken));
    expect(res.status).toBe(400);
    const { eventId } = await purchaseFor(customer);
    const types = await t.http().get('/api/tickets/types').query({ eventId });
    expect(types.status).toBe(200);
    expect(types.body.items).toHaveLength(1);
  });
});

describe('working a ticket', () => {
  it('an agent replies: the customer is emailed, first response recorded; internal notes never reach the customer', async () => {
    const ticket = await open(customer.accessToken, { subject: 'Wrong name on ticket', message: 'It says Bob.' });
    const id = ticket.body.id as string;
    const note = await t
      .http()
      .post(`/api/tickets/${id}/notes`)
      .set(auth(agent.accessToken))
      .send({ message: 'SECRET-NOTE: customer called twice' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ internal: true, authorKind: 'staff' });
    // A note is not a response.
    expect(
      (await t.db.query('SELECT first_response_at FROM tickets WHERE id = $1', [id]))[0].first_response_at,
    ).toBeNull();

    const reply = await t
      .http()
      .post(`/api/tickets/${id}/messages`)
      .set(auth(agent.accessToken))
      .send({ message: 'We fixed the name, PUBLIC-REPLY-42.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ authorKind: 'staff', internal: false });

    const mail = await smtp.waitFor((m) => m.to.includes(customer.email) && m.raw.includes('PUBLIC-REPLY-42'), 30_000);
    expect(mail.raw).toContain('Wrong name on ticket');
    expect(mail.raw).not.toContain('SECRET-NOTE');
    expect(smtp.messages.some((m) => m.raw.includes('SECRET-NOTE'))).toBe(false);

    const seen = await t.http().get(`/api/tickets/${id}`).set(auth(customer.accessToken));
    expect(seen.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'It says Bob.',
      'We fixed the name, PUBLIC-REPLY-42.',
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('SECRET-NOTE');
    expect(seen.body.firstResponseAt).not.toBeNull();
    expect(seen.body.firstResponseSeconds).toBeGreaterThanOrEqual(0);
    // Customers see the agent's name, not their address.
    expect(seen.body.messages[1].author).toMatchObject({ id: agent.id, email: '' });

    const staffView = await t.http().get(`/api/tickets/${id}`).set(auth(agent.accessToken));
    expect(staffView.body.messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, true, false]);

    // Searching for the note's text finds the ticket for staff only.
    const staffSearch = await t.http().get('/api/tickets').query({ q: 'SECRET-NOTE' }).set(auth(agent.accessToken));
    expect(staffSearch.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const customerSearch = await t
      .http()
      .get('/api/tickets')
      .query({ q: 'SECRET-NOTE' })
      .set(auth(customer.accessToken));
    expect(customerSearch.body).toEqual({ items: [], total: 0 });

    // A second reply leaves the first-response time as it was.
    const first = (await t.db.query('SELECT first_response_at FROM tickets WHERE id = $1', [id]))[0].first_response_at;
    await t.http().post(`/api/tickets/${id}/messages`).set(auth(agent.accessToken)).send({ message: 'Anything else?' });
    const again = (await t.db.query('SELECT first_response_at FROM tickets WHERE id = $1', [id]))[0].first_response_at;
    expect(again).toEqual(first);
  });

  it('assign, priority and the status workflow; resolution time recorded; every change audited', async () => {
    const ticket = await open(customer.accessToken, { subject: 'Workflow', message: 'Please help' });
    const id = ticket.body.id as string;

    const assigned = await patch(agent.accessToken, id, { assigneeId: agent.id, priority: 'high' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeId: agent.id, priority: 'high', assignee: { id: agent.id } });

    const notAgent = await patch(agent.accessToken, id, { assigneeId: customer.user.id });
    expect(notAgent.status).toBe(422);
    expect(notAgent.body.code).toBe('ASSIGNEE_NOT_AGENT');

    const skip = await patch(agent.accessToken, id, { status: 'closed' });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('STATUS_TRANSITION_NOT_ALLOWED');
    // Nothing of a refused change is applied, not even the fields that were fine.
    const mixed = await patch(agent.accessToken, id, { status: 'closed', priority: 'low', assigneeId: otherAgent.id });
    expect(mixed.status).toBe(409);
    const [unchanged] = await t.db.query('SELECT status, priority, assignee_id FROM tickets WHERE id = $1', [id]);
    expect(unchanged).toEqual({ status: 'open', priority: 'high', assignee_id: agent.id });

    expect((await patch(agent.accessToken, id, { status: 'pending' })).body.status).toBe('pending');
    // The customer answering hands it back to the agents.
    await t.http().post(`/api/tickets/${id}/messages`).set(auth(customer.accessToken)).send({ message: 'Here you go' });
    expect((await t.http().get(`/api/tickets/${id}`).set(auth(agent.accessToken))).body.status).toBe('open');

    const resolved = await patch(agent.accessToken, id, { status: 'resolved' });
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect(resolved.body.resolutionSeconds).toBeGreaterThanOrEqual(0);
    const closed = await patch(agent.accessToken, id, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.resolvedAt).toBe(resolved.body.resolvedAt);

    const reopen = await patch(agent.accessToken, id, { status: 'open' });
    expect(reopen.status).toBe(409);
    const late = await t
      .http()
      .post(`/api/tickets/${id}/messages`)
      .set(auth(customer.accessToken))
      .send({ message: 'One more' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TICKET_CLOSED');

    const audit = await t
      .http()
      .get('/api/audit')
      .query({ entityType: 'support_ticket', entityId: id })
      .set(auth(await adminToken(t)));
    const trail = [...audit.body.items]
      .reverse()
      .map((e: { action: string; before: unknown; after: unknown; actorId: string }) => [e.action, e.before, e.after]);
    expect(trail).toEqual([
      ['support.ticket.assigned', { assigneeId: null }, { assigneeId: agent.id }],
      ['support.ticket.priority_changed', { priority: 'normal' }, { priority: 'high' }],
      ['support.ticket.status_changed', { status: 'open' }, { status: 'pending' }],
      ['support.ticket.status_changed', { status: 'open' }, { status: 'resolved' }],
      ['support.ticket.status_changed', { status: 'resolved' }, { status: 'closed' }],
    ]);
    expect(audit.body.items.every((e: { actorId: string }) => e.actorId === agent.id)).toBe(true);
    expect(
      (
        await t
          .http()
          .get('/api/audit/verify')
          .set(auth(await adminToken(t)))
      ).body.valid,
    ).toBe(true);
  });

  it('the queue filters by status, assignee, text and event', async () => {
    const { eventId, purchaseId } = await purchaseFor(customer);
    const tag = randomUUID().slice(0, 8);
    const a = await open(customer.accessToken, { subject: `Filter ${tag} about the event`, message: 'x', purchaseId });
    const b = await open(stranger.accessToken, { subject: `Filter ${tag} other`, message: 'y' });
    await patch(agent.accessToken, b.body.id, { assigneeId: otherAgent.id, status: 'pending' });
    const q = (query: Record<string, string>) =>
      t
        .http()
        .get('/api/tickets')
        .query({ q: tag, ...query })
        .set(auth(agent.accessToken))
        .then((r) => r.body.items.map((x: { id: string }) => x.id).sort());
    expect(await q({})).toEqual([a.body.id, b.body.id].sort());
    expect(await q({ status: 'pending' })).toEqual([b.body.id]);
    expect(await q({ status: 'open' })).toEqual([a.body.id]);
    expect(await q({ assigneeId: otherAgent.id })).toEqual([b.body.id]);
    expect(await q({ assigneeId: 'none' })).toEqual([a.body.id]);
    expect(await q({ eventId })).toEqual([a.body.id]);
    const byNumber = await t
      .http()
      .get('/api/tickets')
      .query({ q: String(a.body.number) })
      .set(auth(agent.accessToken));
    expect(byNumber.body.items.map((x: { id: string }) => x.id)).toContain(a.body.id);
    const paged = await t.http().get('/api/tickets').query({ q: tag, limit: 1 }).set(auth(agent.accessToken));
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(2);
    const tooMany = await t.http().get('/api/tickets').query({ limit: 201 }).set(auth(agent.accessToken));
    expect(tooMany.status).toBe(400);
    const badStatus = await t.http().get('/api/tickets').query({ status: 'lost' }).set(auth(agent.accessToken));
    expect(badStatus.status).toBe(400);
  });

  it('lists the people tickets can be assigned to', async () => {
    const res = await t.http().get('/api/support/agents').set(auth(agent.accessToken));
    expect(res.status).toBe(200);
    const ids = res.body.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([agent.id, otherAgent.id]));
    expect(ids).not.toContain(customer.user.id);
  });
});

describe('the dashboard', () => {
  it('counts the backlog and averages the response times of the tickets worked here', async () => {
    const admin = await adminToken(t);
    const summary = await t.http().get('/api/reports/summary').set(auth(admin));
    expect(summary.status).toBe(200);
    const total = async (query: Record<string, string>) =>
      (
        await t
          .http()
          .get('/api/tickets')
          .query({ ...query, limit: 1 })
          .set(auth(admin))
      ).body.total as number;
    expect(summary.body.support).toMatchObject({
      open: await total({ status: 'open' }),
      pending: await total({ status: 'pending' }),
    });
    expect(summary.body.support.unassigned).toBeGreaterThan(0);
    expect(summary.body.support.averageFirstResponseSeconds).toBeGreaterThanOrEqual(0);
    expect(summary.body.support.averageResolutionSeconds).toBeGreaterThanOrEqual(0);
  });
});
