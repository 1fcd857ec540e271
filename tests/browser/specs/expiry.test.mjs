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

// F5, B6: sessions end after their idle timeout and after their absolute lifetime.
// Separate portals with lifetimes of seconds (the keys take decimal hours and days).
async function signedInPage(settings) {
  const short = await startPortal(settings);
  const client = await createClient(short, { name: 'Dorothy Hodgkin' });
  const invited = await invite(short, client.id);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(short.base + pathOf(invited.portal_url));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${short.base}/portal/hub`);
  return { short, context, page };
}

test('a session left idle past its idle timeout ends; the page says how to come back', async () => {
  // Idle timeout about 4 s, absolute lifetime the default.
  const { short, context, page } = await signedInPage({ 'security/session_idle_hours': '0.0011' });
  try {
    assert.equal((await page.reload()).status(), 200);
    await new Promise((r) => setTimeout(r, 5000));
    const ended = await page.reload();
    assert.equal(ended.status(), 401);
    assert.match(await page.locator('h1').innerText(), /not signed in/i);
    assert.ok(await page.getByRole('link', { name: 'Sign in by email' }).isVisible());
    await snap(page, 'expiry-02-idle-session-ended');
  } finally {
    await context.close();
    await short.shutdown();
  }
});

test('a session in use still ends at its absolute lifetime', async () => {
  // Absolute lifetime about 5 s, idle timeout the default (hours).
  const { short, context, page } = await signedInPage({ 'security/session_lifetime_days': '0.00006' });
  try {
    for (let i = 0; i < 2; i += 1) {
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal((await page.reload()).status(), 200, 'in use within its lifetime');
    }
    await new Promise((r) => setTimeout(r, 3500));
    assert.equal((await page.reload()).status(), 401, 'over at its absolute lifetime, however busy');
  } finally {
    await context.close();
    await short.shutdown();
  }
});
