// SPDX-License-Identifier: Apache-2.0
// F2/F3: a link past its lifetime gets the "expired" page with a new-link offer (B10).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, pathOf } from '../lib/flows.mjs';
import { expectPageHeaders } from '../lib/checks.mjs';

let portal;
let browser;

before(async () => {
  // Invites live about two seconds here.
  portal = await startPortal({ 'security/invite_ttl_hours': '0.0006' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

test('an expired link shows the expired page and offers a new link to the address on file', async () => {
  const client = await createClient(portal, { name: 'Katherine Johnson', email: 'kj@example.test' });
  const invited = await invite(portal, client.id);
  await new Promise((r) => setTimeout(r, 3000));
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(portal.base + pathOf(invited.portal_url));
  if (response.status() === 200) {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
  }
  assert.match(await page.locator('h1').innerText(), /expired/);
  const form = page.getByRole('button', { name: 'Send me a new link' });
  assert.ok(await form.isVisible());
  assert.equal(await page.locator('input[name="email"]').count(), 0, 'no address field to change (B10)');
  await snap(page, 'expiry-01-expired');

  portal.mail.skipExisting();
  const [sent] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.click()]);
  await page.waitForLoadState();
  expectPageHeaders(sent.headers());
  assert.match(await page.locator('h1').innerText(), /Check your email/);
  const mail = await portal.mail.next('kj@example.test');
  assert.ok(mail.link, 'a fresh link went to the address on file');
  await context.close();
});
