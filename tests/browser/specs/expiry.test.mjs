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
  // Invites live their default 24 hours; the test moves the server's clock instead of waiting.
  portal = await startPortal();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

test('an expired link shows the expired page and offers a new link to the address on file', async () => {
  const client = await createClient(portal, { name: 'Katherine Johnson', email: 'kj@example.test' });
  const invited = await invite(portal, client.id);
  portal.advanceClock(24 * 3600 + 60);
  const context = await browser.newContext();
  const page = await context.newPage();
  // Opening a link never consumes it or says anything about it (F4): Continue first.
  const response = await page.goto(portal.base + pathOf(invited.portal_url));
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('h1').innerText(), 'Continue to your portal');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState();
  assert.equal(await page.locator('h1').innerText(), 'This link has expired');
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
  // Idle timeout one hour, absolute lifetime the default; the server's clock moves.
  const { short, context, page } = await signedInPage({ 'security/session_idle_hours': '1' });
  try {
    short.advanceClock(50 * 60);
    assert.equal((await page.reload()).status(), 200, 'still in use within the idle timeout');
    short.advanceClock(61 * 60);
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
  // Absolute lifetime one day, idle timeout one hour: used every 50 minutes it never
  // idles out, yet it ends at the day's end however busy it is.
  const { short, context, page } = await signedInPage({
    'security/session_lifetime_days': '1', 'security/session_idle_hours': '1',
  });
  try {
    for (let minutes = 50; minutes < 24 * 60; minutes += 50) {
      short.advanceClock(50 * 60);
      assert.equal((await page.reload()).status(), 200, `in use within its lifetime (${minutes} min)`);
    }
    short.advanceClock(50 * 60);
    assert.equal((await page.reload()).status(), 401, 'over at its absolute lifetime, however busy');
  } finally {
    await context.close();
    await short.shutdown();
  }
});
