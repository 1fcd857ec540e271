// SPDX-License-Identifier: Apache-2.0
// F9 (the lock) and F10: with require-sign-in on, a valid link in a new browser opens
// only the verify screen; the mailed code confirms the browser and the hub opens. A
// document link still opens directly in a third browser.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, staff, pathOf } from '../lib/flows.mjs';
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

test('lock on: a new browser sees only the verify screen until the mailed code confirms it', async () => {
  const client = await createClient(portal, { name: 'Dorothy Vaughan', email: 'dorothy@example.test' });
  const lock = await staff(portal, 'PUT', `/clients/${client.id}/require-sign-in`, { enabled: true });
  assert.equal(lock.status, 200, lock.text);
  const invited = await invite(portal, client.id);
  await portal.mail.next('dorothy@example.test');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.base + pathOf(invited.portal_url));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('h1').innerText(), /Confirm this browser/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Documents|Matter/);
  await snap(page, 'lock-01-verify');
  // The hub itself stays shut while the browser is unverified.
  const hub = await page.goto(`${portal.base}/portal/hub`);
  expectPageHeaders(hub.headers());
  assert.match(await page.locator('h1').innerText(), /Confirm this browser/);

  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.waitForLoadState();
  await snap(page, 'lock-02-code-sent');
  const sessionOf = async () => (await context.cookies()).find((c) => c.name === '__Host-gh_session')?.value;
  const before = await sessionOf();
  assert.ok(before, 'a session waits on the verify screen');
  const mail = await portal.mail.next('dorothy@example.test');
  assert.ok(mail.code, `the mail carries a code:\n${mail.text}`);
  await page.getByLabel(/Code from the email/).fill(mail.code);
  const [confirmed] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/portal/verify')),
    page.getByRole('button', { name: 'Confirm this browser' }).click(),
  ]);
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Dorothy Vaughan/);
  await snap(page, 'lock-03-hub');
  // B6: the confirming answer itself carried a fresh session id, and the old one is dead:
  // replayed by someone else (a plain fetch, no browser state), it is signed out.
  const setCookies = (await confirmed.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie');
  assert.ok(setCookies.some((h) => h.value.startsWith('__Host-gh_session=')), 'new session cookie in the answer');
  const after = await sessionOf();
  assert.ok(after && after !== before, 'the session id changed at the confirmation');
  const replay = await fetch(`${portal.base}/portal/hub`, {
    headers: { Cookie: `__Host-gh_session=${before}` },
    redirect: 'manual',
  });
  assert.equal(replay.status, 401);
  assert.match(await replay.text(), /You are not signed in/);
  assert.equal(replay.headers.get('set-cookie')?.includes('__Host-gh_session=') ?? false, false);
  const cookies = await context.cookies();
  const browserCookie = cookies.find((c) => c.name === '__Host-gh_browser');
  assert.ok(browserCookie && browserCookie.httpOnly && browserCookie.secure, 'verified-browser cookie');
  assert.ok(browserCookie.expires > Date.now() / 1000 + 30 * 86400, 'long-lived');
  await context.close();
});

test('lock on: a document link still opens directly in a fresh browser', async () => {
  const client = await createClient(portal, { name: 'Mae Jemison', email: 'mae@example.test' });
  await staff(portal, 'PUT', `/clients/${client.id}/require-sign-in`, { enabled: true });
  const upload = await fetch(`${portal.base}/api/v1/clients/${client.id}/documents?name=Engagement%20letter.pdf`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${portal.staffToken}`, 'Content-Type': 'application/pdf' },
    body: Buffer.from('%PDF-1.4\n% test document\n'),
  });
  const uploadText = await upload.text();
  assert.equal(upload.status, 201, uploadText);
  const { document_url: documentUrl } = JSON.parse(uploadText);

  const context = await browser.newContext();
  const page = await context.newPage();
  // The link opens the document itself: no verify screen, no sign-in, the file arrives.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.goto(portal.base + pathOf(documentUrl)).catch(() => null),
  ]);
  assert.equal(download.suggestedFilename(), 'Engagement letter.pdf');
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(await download.path(), 'latin1'), /^%PDF-1\.4/);
  await context.close();
});

test('lock on: the link in the verify mail confirms the browser that asked, and only that one', async () => {
  const client = await createClient(portal, { name: 'Evelyn Boyd Granville', email: 'evelyn@example.test' });
  await staff(portal, 'PUT', `/clients/${client.id}/require-sign-in`, { enabled: true });
  const invited = await invite(portal, client.id);
  await portal.mail.next('evelyn@example.test');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.base + pathOf(invited.portal_url));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState();
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.waitForLoadState();
  const mail = await portal.mail.next('evelyn@example.test');
  assert.ok(mail.link, `the mail carries a link:\n${mail.text}`);

  // Another browser (say, the phone's mail app) opening the link gets a clear page and
  // changes nothing: the link stays usable where it belongs.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(portal.base + pathOf(mail.link));
  const [refused] = await Promise.all([
    other.waitForResponse((r) => r.request().method() === 'POST'),
    other.getByRole('button', { name: 'Continue' }).click(),
  ]);
  await other.waitForLoadState();
  assert.equal(refused.status(), 409);
  assert.match(await other.locator('h1').innerText(), /browser you are confirming/);
  expectPageHeaders(refused.headers());
  await snap(other, 'lock-04-verify-link-elsewhere');
  assert.equal((await elsewhere.cookies()).find((c) => c.name === '__Host-gh_browser'), undefined);
  await elsewhere.close();

  // In the browser that asked, the same link confirms it and opens the hub.
  await page.goto(portal.base + pathOf(mail.link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Evelyn Boyd Granville/);
  assert.doesNotMatch(page.url(), /[A-Za-z0-9_-]{43}/, 'no token left in the address bar');
  await snap(page, 'lock-05-verified-by-link');
  const cookies = await context.cookies();
  assert.ok(cookies.find((c) => c.name === '__Host-gh_browser'), 'verified-browser cookie set');

  // The link is spent: used again, it is "already used".
  await page.goto(portal.base + pathOf(mail.link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('h1').innerText(), /already been used/);
  await context.close();
});
