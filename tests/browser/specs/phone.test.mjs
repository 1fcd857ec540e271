// SPDX-License-Identifier: Apache-2.0
// F11: with phone confirmation on, the first sign-in from a new browser shows a code;
// staff submit it through the staff API and the page proceeds to the hub by itself.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, staff, pathOf } from '../lib/flows.mjs';
import { expectPageHeaders } from '../lib/checks.mjs';

let portal;
let browser;

before(async () => {
  portal = await startPortal({}, { smtp: false });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

test('phone confirmation: the page shows a code and continues once staff confirm it', async () => {
  const client = await createClient(portal, { name: 'Annie Easley' });
  const on = await staff(portal, 'PUT', `/clients/${client.id}/phone-confirmation`, { enabled: true });
  assert.equal(on.status, 200, on.text);
  const invited = await invite(portal, client.id);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.base + pathOf(invited.portal_url));
  const [hubResponse] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/portal/hub')),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  expectPageHeaders(hubResponse.headers());
  const code = (await page.locator('.code-display').innerText()).trim();
  assert.match(code, /^\d{6}$/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Documents/);
  await snap(page, 'phone-01-code');

  const wrong = await staff(portal, 'POST', `/clients/${client.id}/phone-code`, { code: code === '000000' ? '111111' : '000000' });
  assert.equal(wrong.status, 400);
  const right = await staff(portal, 'POST', `/clients/${client.id}/phone-code`, { code });
  assert.equal(right.status, 200, right.text);

  // No click: phone.js notices the confirmation and continues (bounded wait).
  await page.waitForFunction(() => /Welcome/.test(document.querySelector('h1')?.textContent ?? ''), null, { timeout: 20000 });
  assert.match(await page.locator('h1').innerText(), /Annie Easley/);
  await snap(page, 'phone-02-hub');
  await context.close();
});
