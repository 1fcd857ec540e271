// SPDX-License-Identifier: Apache-2.0
// F7, F8, F15: revoke shows "access revoked" on the open hub's next request; a
// regenerated link kills the old one; "sign out every browser" ends the others.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, staff, pathOf } from '../lib/flows.mjs';

let portal;
let browser;

before(async () => {
  portal = await startPortal({ 'security/link_policy': 'reusable' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

async function signInWith(link) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.base + pathOf(link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  return { context, page };
}

test('revoke: the open hub shows "access revoked" on its next request', async () => {
  const client = await createClient(portal, { name: 'Hedy Lamarr' });
  const invited = await invite(portal, client.id);
  const { context, page } = await signInWith(invited.portal_url);
  const r = await staff(portal, 'POST', `/clients/${client.id}/revoke`, { reason: 'matter closed' });
  assert.equal(r.status, 200, r.text);
  const next = await page.reload();
  assert.equal(next.status(), 403);
  assert.match(await page.locator('h1').innerText(), /Access revoked/);
  await snap(page, 'access-01-revoked');
  await context.close();
});

test('regenerate: the old link dies, the new one works', async () => {
  const client = await createClient(portal, { name: 'Radia Perlman' });
  const first = await invite(portal, client.id);
  const second = await staff(portal, 'POST', `/clients/${client.id}/regenerate`, { reason: 'lost the mail' });
  assert.equal(second.status, 201, second.text);
  const context = await browser.newContext();
  const page = await context.newPage();
  // Opening shows Continue for any known link (F4); the click finds it replaced: 410,
  // and the same page as an unknown link, so nothing about the client is revealed.
  const old = await page.goto(portal.base + pathOf(first.portal_url));
  assert.equal(old.status(), 200);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  await page.waitForLoadState();
  assert.equal(refused.status(), 410);
  assert.equal(await page.locator('h1').innerText(), 'This link is not valid');
  await snap(page, 'access-02-regenerated-old-link');
  await context.close();
  const fresh = await signInWith(second.json.portal_url);
  assert.match(await fresh.page.locator('h1').innerText(), /Radia Perlman/);
  await fresh.context.close();
});

test('sign out every browser from one context ends the others', async () => {
  const client = await createClient(portal, { name: 'Frances Allen' });
  const invited = await invite(portal, client.id); // reusable policy: one link, two browsers
  const a = await signInWith(invited.portal_url);
  await portal.mail.next(client.email); // the invite
  const b = await signInWith(invited.portal_url);
  // B7: the second sign-in (a new browser) is announced to the address on file.
  const notice = await portal.mail.next(client.email);
  assert.match(notice.text, /was just opened on Chrome on Linux from 127\.0\.0\.1/);
  assert.equal(notice.link, undefined, 'the notice carries no sign-in link');
  await a.page.reload();
  assert.match(await a.page.locator('main').innerText(), /Access history/);
  await snap(a.page, 'access-03-hub-two-browsers');
  await a.page.getByRole('button', { name: 'Sign out every browser' }).click();
  await a.page.waitForLoadState();
  assert.match(await a.page.locator('h1').innerText(), /signed out/i);
  await snap(a.page, 'access-04-signed-out');
  const other = await b.page.reload();
  assert.equal(other.status(), 401);
  assert.match(await b.page.locator('h1').innerText(), /not signed in/i);
  await a.context.close();
  await b.context.close();
});

test('the new-sign-in mail ends that one sign-in with one click; opening it alone changes nothing (B7)', async () => {
  const client = await createClient(portal, { name: 'Barbara Liskov' });
  const invited = await invite(portal, client.id);
  const mine = await signInWith(invited.portal_url);
  await portal.mail.next(client.email); // the invite
  const intruder = await signInWith(invited.portal_url);
  const notice = await portal.mail.next(client.email);
  assert.ok(notice.endLink, `the notice carries an end link:\n${notice.text}`);
  assert.equal(new URL(notice.endLink).origin, new URL(invited.portal_url).origin, 'built from the public URL (B8)');

  // The client opens the mail's link somewhere else (the phone): a page naming the
  // sign-in, one button, and nothing ended yet (a mail scanner's GET is harmless).
  const phone = await browser.newContext();
  const page = await phone.newPage();
  const shown = await page.goto(portal.base + pathOf(notice.endLink));
  assert.equal(shown.status(), 200);
  assert.match(await page.locator('h1').innerText(), /End this sign-in/);
  assert.match(await page.locator('main').innerText(), /Chrome on Linux/);
  await snap(page, 'access-05-end-sign-in');
  assert.equal((await intruder.page.reload()).status(), 200, 'GET ended nothing');

  const [ended] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'End this sign-in' }).click(),
  ]);
  await page.waitForLoadState();
  assert.equal(ended.status(), 200);
  assert.match(await page.locator('h1').innerText(), /That sign-in has ended/);
  await snap(page, 'access-06-sign-in-ended');
  const after = await intruder.page.reload();
  assert.equal(after.status(), 401, 'the named session is over');
  assert.equal((await mine.page.reload()).status(), 200, 'the other sign-in stays');

  // Opened again, the link says so; an altered link is "not valid".
  await page.goto(portal.base + pathOf(notice.endLink));
  assert.match(await page.locator('h1').innerText(), /That sign-in has ended/);
  const forged = portal.base + pathOf(notice.endLink).replace(/\.(\d+)\//, (m, id) => `.${Number(id) - 1}/`);
  assert.equal((await page.goto(forged)).status(), 404);
  await Promise.all([phone.close(), mine.context.close(), intruder.context.close()]);
});
