// SPDX-License-Identifier: Apache-2.0
// F3, F4, F5, B8, B9, R5: invite → mail → scanners consume nothing → the client clicks
// Continue and lands in the hub without the token in the URL; a used, an expired and
// a made-up link each get their own clear page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, pathOf } from '../lib/flows.mjs';
import { expectPageHeaders } from '../lib/checks.mjs';

let portal;
let browser;

before(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

test('invite mail link: GET and HEAD consume nothing, Continue signs in to the hub', async () => {
  const client = await createClient(portal, { name: 'Ada Lovelace', email: 'ada@example.test' });
  const invited = await invite(portal, client.id);
  const mail = await portal.mail.next('ada@example.test');
  assert.ok(mail.link, `the mail carries the portal link:\n${mail.text}`);
  assert.equal(pathOf(mail.link), pathOf(invited.portal_url));
  const url = portal.base + pathOf(mail.link);

  // A mail scanner: plain GET and HEAD, no cookies, no click.
  for (const method of ['GET', 'HEAD', 'GET']) {
    const r = await fetch(url, { method, headers: { 'User-Agent': 'Mozilla/5.0 (compatible; SafeLinks scanner)' } });
    assert.equal(r.status, 200, `${method} shows the Continue page`);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  }

  // B9: those views are in the audit, marked as likely scanners, and consumed nothing.
  const audit = await portal.api('GET', `/audit?client_id=${client.id}`, { token: portal.staffToken });
  const hits = audit.json.events.filter((e) => e.type === 'token.scanner_hit');
  assert.equal(hits.length, 3, audit.text);
  assert.ok(hits.every((e) => e.details.likely_scanner === true));
  assert.ok(!audit.json.events.some((e) => e.type === 'token.consumed'));

  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  expectPageHeaders(response.headers());
  assert.match(await page.locator('h1').innerText(), /Continue to your portal/);
  await snap(page, 'consume-01-continue');

  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.ok(!page.url().includes(pathOf(mail.link)), 'the hub URL carries no token');
  assert.match(await page.locator('h1').innerText(), /Ada Lovelace/);
  await snap(page, 'consume-02-hub');

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === '__Host-gh_session');
  assert.ok(session, 'session cookie set');
  assert.equal(session.secure, true);
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  assert.equal(session.path, '/');
  assert.equal(session.domain, '127.0.0.1', 'host-only cookie (no Domain attribute)');
  assert.match(session.value, /^[^.]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'keyid.secret.hmac');
  const csrf = cookies.find((c) => c.name === '__Host-gh_csrf');
  assert.ok(csrf && csrf.secure && csrf.httpOnly && csrf.sameSite === 'Lax', 'CSRF cookie attributes');

  // The same link again, in this browser: "already used", with a new link offered.
  const again = await page.goto(url);
  assert.equal(again.status(), 200, 'GET of a used link still only shows a page');
  const used = await page.getByRole('button', { name: 'Continue' }).click().then(() => page.waitForLoadState());
  void used;
  assert.match(await page.locator('h1').innerText(), /already been used/);
  assert.ok(await page.getByRole('button', { name: 'Send me a new link' }).isVisible());
  await snap(page, 'consume-03-used');
  await context.close();
});

test('a made-up link says "not valid" and reveals nothing', async () => {
  const page = await browser.newPage();
  for (const token of ['A'.repeat(43), 'not-a-token', 'x'.repeat(300), '%C3%A9t%C3%A9', '..%2F..%2Fetc']) {
    const response = await page.goto(`${portal.base}/portal/${token}`);
    assert.equal(response.status(), 404, token);
    expectPageHeaders(response.headers());
    assert.match(await page.locator('h1').innerText(), /not valid/);
    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /expired|revoked|used|exception|sqlite|\.cpp/i);
  }
  await snap(page, 'consume-04-not-valid');
  await page.close();
});
