// The support desk in Chromium: a customer opens a request in the portal's Help page about one of
// their orders; a support agent finds it in the admin console's queue, takes it, leaves an internal
// note and answers; the customer sees the answer (never the note) and is emailed about it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { eventually, launchBrowser, signIn } from '../support/browser.js';
import { makeEvent, makeTicketType, publish } from '../support/factories.js';
import { SmtpCatcher } from '../support/smtp.js';
import { buyWithSandbox } from './checkout.fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EVENT = `Harbour Lights ${Date.now().toString(36)}`;
const SUBJECT = 'Wrong name on my tickets';
const QUESTION = 'My tickets say Bob, but I am Casey. Can you fix it?';
const NOTE = 'Internal: checked the order, name typo at checkout.';
const ANSWER = 'Hello Casey, we corrected the name on your order.';

const smtp = new SmtpCatcher();
let t: TestApp;
let base: string;
let context: BrowserContext | null = null;
let portal: Page;
let admin: Page;
const pageErrors: string[] = [];
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let agent: Awaited<ReturnType<typeof makeStaff>>;
let purchaseId = '';
let ticketId = '';

beforeAll(async () => {
  const smtpUrl = await smtp.start();
  t = await createTestApp({ root: ROOT, worker: true, env: { SERVE_APPS: 'true', SMTP_URL: smtpUrl } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const event = await makeEvent(t, manager, { name: EVENT });
  const ga = await makeTicketType(t, manager, event.id, { name: 'Standing', capacity: 50 });
  await publish(t, manager, event.id);
  customer = await makeCustomer(t, 'Casey Customer');
  agent = await makeStaff(t, ['support_agent']);
  purchaseId = (
    await buyWithSandbox(t, customer.accessToken, { eventId: event.id, items: [{ ticketTypeId: ga.id, quantity: 2 }] })
  ).id;
}, 90_000);

afterAll(async () => {
  await context?.close();
  await t?.close();
  await smtp.stop();
});

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

async function rows<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await t.db.query(sql, params)) as T[];
}

describe('support desk: portal and admin console', () => {
  it('the customer signs in from the Help page and opens a request about their order', async () => {
    context = await launchBrowser();
    portal = await context.newPage();
    portal.setDefaultTimeout(15_000);
    portal.on('pageerror', (e) => pageErrors.push(e.message));
    await portal.goto(`${base}/help`, { timeout: 30_000 });
    await portal.getByRole('link', { name: 'Sign in to contact support' }).click();
    await signIn(portal, customer.email, customer.password);
    await portal.waitForURL(`${base}/help`);
    await visible(portal.getByText('No support requests yet'));

    const form = portal.getByRole('form', { name: 'Ask for help' });
    // An empty subject is refused by the API and nothing is stored.
    await form.getByLabel('How can we help?').fill(QUESTION);
    await form.getByLabel('Subject').fill('   ');
    await form.getByRole('button', { name: 'Send request' }).click();
    await visible(form.getByText('subject must not be empty'));
    expect(await rows('SELECT id FROM tickets', [])).toEqual([]);

    await form.getByLabel('Subject').fill(SUBJECT);
    const order = form.getByLabel('About an order (optional)');
    await eventually(
      () => order.locator('option').allTextContents(),
      (labels) => expect(labels.some((l) => l.startsWith(EVENT))).toBe(true),
    );
    const label = (await order.locator('option').allTextContents()).find((l) => l.startsWith(EVENT)) ?? '';
    await order.selectOption({ label });
    await form.getByRole('button', { name: 'Send request' }).click();

    await visible(portal.getByRole('heading', { level: 1, name: new RegExp(SUBJECT) }));
    const [ticket] = await rows<{ id: string; status: string; purchase_id: string; customer_id: string }>(
      'SELECT id, status, purchase_id, customer_id FROM tickets',
      [],
    );
    expect(ticket).toMatchObject({ status: 'open', purchase_id: purchaseId, customer_id: customer.user.id });
    ticketId = ticket.id;
    await portal.waitForURL(`${base}/help/${ticketId}`);
    await visible(portal.getByText('Waiting for us'));
    expect(await portal.getByTestId('support-message').allTextContents()).toEqual([expect.stringContaining(QUESTION)]);
  }, 90_000);

  it('the agent finds it in the queue, takes it, notes, answers and sets it waiting on the customer', async () => {
    admin = await (context as BrowserContext).newPage();
    admin.setDefaultTimeout(15_000);
    admin.on('pageerror', (e) => pageErrors.push(e.message));
    await admin.goto(`${base}/admin/support`, { timeout: 30_000 });
    await signIn(admin, agent.email, agent.password);
    await visible(admin.getByRole('heading', { name: 'Support', level: 1 }));

    await admin.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
    await admin.getByLabel('Search').fill('Wrong name');
    const link = admin.getByRole('link', { name: new RegExp(`Ticket \\d+: ${SUBJECT}`) });
    await visible(link);
    await link.click();
    await admin.waitForURL(`${base}/admin/support/${ticketId}`);
    await visible(admin.getByRole('heading', { level: 1, name: new RegExp(SUBJECT) }));
    await visible(admin.getByText(QUESTION));

    await admin.getByRole('button', { name: 'Assign to me' }).click();
    await visible(admin.getByText('Assigned to you.'));
    await admin.getByRole('textbox', { name: 'Internal note' }).fill(NOTE);
    await admin.getByRole('button', { name: 'Add note' }).click();
    await visible(admin.getByTestId('support-note').getByText(NOTE));
    await admin.getByRole('textbox', { name: 'Reply to the customer' }).fill(ANSWER);
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await visible(admin.getByTestId('support-message').getByText(ANSWER));
    await admin.getByRole('button', { name: 'Wait on customer' }).click();
    await visible(admin.getByText('Status: Waiting on customer.'));

    const [row] = await rows<{ status: string; assignee_id: string; first_response_at: Date | null }>(
      'SELECT status, assignee_id, first_response_at FROM tickets WHERE id = $1',
      [ticketId],
    );
    expect(row.status).toBe('pending');
    expect(row.assignee_id).toBe(agent.id);
    expect(row.first_response_at).not.toBeNull();
    const messages = await rows<{ author_kind: string; internal: boolean; body: string }>(
      'SELECT author_kind, internal, body FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at',
      [ticketId],
    );
    expect(messages).toEqual([
      { author_kind: 'customer', internal: false, body: QUESTION },
      { author_kind: 'staff', internal: true, body: NOTE },
      { author_kind: 'staff', internal: false, body: ANSWER },
    ]);
  }, 90_000);

  it('the customer sees the answer (not the note), is emailed, and replies; the ticket goes back to the agents', async () => {
    const mail = await smtp.waitFor(
      (m) => m.to.includes(customer.email) && m.raw.includes('corrected the name'),
      30_000,
    );
    expect(mail.raw).not.toContain('Internal:');

    await portal.reload();
    await visible(portal.getByText(ANSWER));
    await visible(portal.getByText('Waiting for you'));
    expect(await portal.content()).not.toContain(NOTE);

    await portal.getByLabel('Your reply').fill('Thank you!');
    await portal.getByRole('button', { name: 'Send reply' }).click();
    await visible(portal.getByText('Thank you!'));
    await visible(portal.getByText('Waiting for us'));
    const [row] = await rows<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [ticketId]);
    expect(row.status).toBe('open');

    await portal.goto(`${base}/help`);
    await visible(portal.getByRole('link', { name: new RegExp(SUBJECT) }));
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
