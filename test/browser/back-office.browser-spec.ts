// The admin console's back office in Chromium: the Reports page (figures, chart, an export through
// the Report Worker with its download link), the Dashboard's key figures for today's events, and
// the Audit trail showing a support-desk change field by field.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN, adminToken, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { buyWithSandbox } from './checkout.fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EVENT = `Night Market ${Date.now().toString(36)}`;

let t: TestApp;
let base: string;
let context: BrowserContext | null = null;
let page: Page;
const pageErrors: string[] = [];
let ticketId = '';

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, worker: true, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  // Starts within the hour, so it is one of today's events on the dashboard.
  const event = await makeEvent(t, manager, { name: EVENT, startsAt: new Date(Date.now() + 60_000).toISOString() });
  const ga = await makeTicketType(t, manager, event.id, { name: 'Standing', price: 2500, capacity: 40 });
  await publish(t, manager, event.id);
  const buyer = await makeCustomer(t, 'Dana Buyer');
  await buyWithSandbox(t, buyer.accessToken, { eventId: event.id, items: [{ ticketTypeId: ga.id, quantity: 3 }] });
  const agent = await makeStaff(t, ['support_agent']);
  const ticket = await t
    .http()
    .post('/api/tickets')
    .set(auth(buyer.accessToken))
    .send({ subject: 'Parking', message: 'Is there parking?' });
  ticketId = ticket.body.id as string;
  await t.http().patch(`/api/tickets/${ticketId}`).set(auth(agent.accessToken)).send({ priority: 'urgent' });
  expect((await adminToken(t)).length).toBeGreaterThan(0);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await t?.close();
});

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const text = async (locator: Locator) => ((await locator.textContent({ timeout: 15_000 })) ?? '').trim();

describe('admin back office', () => {
  it('the dashboard shows today’s sales and today’s event live', async () => {
    context = await launchBrowser();
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/admin/`, { timeout: 30_000 });
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { name: 'Key figures' }));
    await visible(page.getByText('Tickets sold today'));
    const row = page.getByRole('table', { name: "Today's events" }).getByRole('row').filter({ hasText: EVENT });
    await visible(row);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('3 / 40');
  }, 90_000);

  it('the Reports page shows the figures and exports a CSV through the Report Worker', async () => {
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Reports', level: 1 }));
    const totals = page.getByTestId('totals-EUR');
    await visible(totals);
    expect(await totals.textContent()).toContain('75.00');
    const sales = page.getByRole('table', { name: 'Sales' });
    await visible(sales.getByRole('rowheader', { name: EVENT }));
    await page.getByLabel('Group sales by').selectOption('channel');
    await visible(sales.getByRole('rowheader', { name: 'web' }));

    await page.getByRole('button', { name: 'Export' }).click();
    const link = page.getByTestId('export-status').getByRole('link', { name: /Download sales \(1 rows\)/ });
    await visible(link);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain('/api/files/reports/sales/');
    const file = await t.http().get(new URL(href).pathname + new URL(href).search);
    expect(file.status).toBe(200);
    expect(file.text.split('\r\n')[1]).toMatch(/^web,web,,EUR,1,3,0,7500,0,7500,2500,,$/);
    const [run] = (await t.db.query('SELECT status, progress FROM report_runs')) as {
      status: string;
      progress: number;
    }[];
    expect(run).toEqual({ status: 'succeeded', progress: 100 });
  }, 90_000);

  it('the Audit trail shows a support change field by field', async () => {
    await page.getByRole('link', { name: 'Audit trail', exact: true }).click();
    await page.getByLabel('Entity ID').fill(ticketId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const entry = page.getByRole('row').filter({ hasText: 'support.ticket.priority_changed' });
    await visible(entry);
    await entry.getByRole('button', { name: 'Show changes' }).click();
    const changes = page.getByRole('table', { name: 'Changes' });
    await visible(changes);
    expect(await changes.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'normal',
      'urgent',
      'changed',
    ]);
    expect(
      await text(page.getByRole('row').filter({ hasText: 'support.ticket.priority_changed' }).getByRole('cell').nth(1)),
    ).toContain('Staff support_agent');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await visible(page.getByTestId('audit-verification').getByText('Valid'));
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
