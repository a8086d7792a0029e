import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ADMIN, createTestApp, makeStaff, type TestApp } from '../support/app.js';
import { text, visible, Visits } from '../support/browser.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const EVENT = `Pricing Night ${SUFFIX}`;

let t: TestApp;
let base: string;
let manager = '';
let eventId = '';
let typeId = '';
const visits = new Visits();
const pageErrors = visits.pageErrors;

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const event = await makeEvent(t, manager, { name: EVENT });
  eventId = event.id;
  typeId = (await makeTicketType(t, manager, eventId, { name: 'Standing', price: 2000, capacity: 100 })).id;
  await publish(t, manager, eventId);
}, 90_000);

afterAll(async () => {
  await visits.close();
  await t?.close();
});

const open = (path: string): Promise<Page> => visits.open(base, path);

describe('pricing: rules, simulation and codes in the admin console; live prices and codes in the portal', () => {
  it('admin: edits rules (refused, then saved), simulates them and sees the history; creates a promo code', async () => {
    const page = await open(`/admin/events/${eventId}/pricing?type=${typeId}`);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { name: 'Now €20.00' }));

    const rules = page.getByRole('form', { name: 'Price rules' });
    // A floor above the ceiling is refused with its message; nothing is saved.
    await rules.getByLabel('Floor (EUR)', { exact: true }).fill('30');
    await rules.getByLabel('Ceiling (EUR)', { exact: true }).fill('25');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await visible(page.getByText('The floor is above the ceiling.').first());
    expect(await t.db.query('SELECT 1 FROM price_policies WHERE ticket_type_id = $1', [typeId])).toEqual([]);

    // A rise that started 40 days before the event (so now): +10%.
    await rules.getByLabel('Floor (EUR)', { exact: true }).fill('');
    await rules.getByLabel('Ceiling (EUR)', { exact: true }).fill('');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByLabel('Or from days before the event', { exact: true }).fill('40');
    await rules.getByLabel('Label', { exact: true }).fill('Season rise');
    await rules.getByRole('button', { name: 'Simulate' }).click();
    await visible(page.getByRole('heading', { name: 'Simulation of the rules being edited' }));
    await visible(page.getByRole('figure', { name: /Simulated price in EUR/ }));
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await visible(page.getByText('Saved. The new price is on sale now.'));
    await visible(page.getByRole('heading', { name: 'Now €22.00' }));
    expect(await text(page.getByRole('table', { name: 'Price history' }))).toContain('Season rise');
    const [row] = await t.db.query('SELECT current_price FROM ticket_types WHERE id = $1', [typeId]);
    expect(row.current_price).toBe(2200);

    await page.getByRole('button', { name: 'New code' }).click();
    const form = page.getByRole('form', { name: 'New promo code' });
    await form.getByLabel('Code', { exact: true }).fill('spring');
    await form.getByLabel('Percent off', { exact: true }).fill('10');
    await form.getByLabel('Uses in total', { exact: true }).fill('5');
    await form.getByRole('button', { name: 'Create code' }).click();
    await visible(page.getByRole('table', { name: 'Promo codes' }).getByText('SPRING'));
    expect(await text(page.getByRole('table', { name: 'Promo codes' }))).toContain('0 of 5');
  });

  it('portal: the promo code takes its discount with an explanation, and a price change shows as it happens', async () => {
    const page = await open(`/events/${eventId}`);
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    await page.getByLabel('Have a code?', { exact: true }).fill('SPRING');
    await page.getByRole('button', { name: 'Apply code' }).click();
    await page.getByRole('button', { name: 'More Standing' }).click();
    await visible(page.getByTestId('promo-applied'));
    expect(await text(page.getByTestId('selection-total'))).toBe('€19.80');
    await page.getByTestId('price-details').locator('summary').click();
    const details = await text(page.getByTestId('price-details'));
    expect(details).toContain('Season rise');
    expect(details).toContain('Code SPRING: -10%');

    // The organiser raises the price: the page says so without a reload.
    const res = await t
      .http()
      .put(`/api/ticket-types/${typeId}/price-rules`)
      .set(auth(manager))
      .send({ rules: [{ kind: 'time_step', fromDaysBeforeEvent: 40, adjustment: { type: 'percent', value: 25 } }] });
    expect(res.body.currentPrice).toBe(2500);
    await visible(page.getByText('Standing is now €25.00.'));
    await visible(page.getByTestId('selection-total').getByText('€22.50'));
    expect(pageErrors).toEqual([]);
  });
});
