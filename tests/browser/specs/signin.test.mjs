// SPDX-License-Identifier: Apache-2.0
// F6, F4 (cross-device), F13, B4: sign-in by email answers the same for an address on
// file and one that is not; the link works in the browser that asked; elsewhere it asks
// for the code from the same mail; the sixth request within the hour gets the 429 page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, pathOf } from '../lib/flows.mjs';
import { expectPageHeaders } from '../lib/checks.mjs';

let portal;
let browser;

before(async () => {
  // More sign-in requests from 127.0.0.1 than the default five per hour; the limit itself
  // is ratelimit.test.mjs's subject.
  portal = await startPortal({ 'ratelimit/sign_in_per_address': '20' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
});

async function requestLink(page, email) {
  const form = await page.goto(`${portal.base}/portal/sign-in`);
  assert.equal(form.status(), 200);
  expectPageHeaders(form.headers());
  await page.getByLabel('Email address').fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: /Email me a sign-in link/ }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

test('known and unknown addresses get the same page; the link works in the asking browser', async () => {
  const client = await createClient(portal, { name: 'Grace Hopper', email: 'grace@example.test' });
  await invite(portal, client.id);
  await portal.mail.next('grace@example.test'); // the invite

  const unknownContext = await browser.newContext();
  const unknownPage = await unknownContext.newPage();
  const unknown = await requestLink(unknownPage, 'nobody@example.test');
  const unknownHeading = await unknownPage.locator('h1').innerText();
  const unknownBody = await unknownPage.locator('main').innerText();
  await snap(unknownPage, 'signin-02-check-email-unknown');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${portal.base}/portal/sign-in`);
  await snap(page, 'signin-01-form');
  const known = await requestLink(page, 'grace@example.test');
  assert.equal(known.status(), unknown.status(), 'same status');
  assert.equal(await page.locator('h1').innerText(), unknownHeading, 'same heading');
  assert.equal(await page.locator('main').innerText(), unknownBody, 'same words');
  assert.match(unknownHeading, /Check your email/);
  await snap(page, 'signin-03-check-email-known');

  const mail = await portal.mail.next('grace@example.test');
  assert.ok(mail.link, mail.text);
  await page.goto(portal.base + pathOf(mail.link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Grace Hopper/);
  await context.close();
  await unknownContext.close();
});

test('opened in another browser, the sign-in link asks for the code from the mail', async () => {
  const client = await createClient(portal, { name: 'Mary Jackson', email: 'mary@example.test' });
  await invite(portal, client.id);
  await portal.mail.next('mary@example.test');

  const asking = await browser.newContext();
  await requestLink(await asking.newPage(), 'mary@example.test');
  const mail = await portal.mail.next('mary@example.test');
  assert.ok(mail.link && mail.code, `link and code in the mail:\n${mail.text}`);

  const other = await browser.newContext();
  const page = await other.newPage();
  await page.goto(portal.base + pathOf(mail.link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('h1').innerText(), /Enter the code/);
  await snap(page, 'signin-04-code-entry');
  await page.getByLabel(/Code/).fill(mail.code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('main').innerText(), /That code is not right\. Check the email and try again\./);
  await page.getByLabel(/Code/).fill(mail.code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Mary Jackson/);
  await other.close();
  await asking.close();
});

test('the cross-device code: only wrong tries count, the fifth kills it, a used code is spent (B4)', async () => {
  const client = await createClient(portal, { name: 'Annie Easley', email: 'annie@example.test' });
  await invite(portal, client.id);
  await portal.mail.next('annie@example.test');
  const wrong = (code) => (code === '000000' ? '111111' : '000000');

  async function codePage(link) {
    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto(portal.base + pathOf(link));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('h1').innerText(), /Enter the code/);
    return { other, page };
  }
  async function submit(page, code) {
    await page.getByLabel(/Code/).fill(code);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.waitForLoadState();
    return response;
  }

  // Four wrong tries, then the right code still works: a right try is never counted.
  const asking = await browser.newContext();
  await requestLink(await asking.newPage(), 'annie@example.test');
  const first = await portal.mail.next('annie@example.test');
  assert.match(first.text, /works for 10 minutes/, 'the mail states how long the code lives');
  let { other, page } = await codePage(first.link);
  for (let i = 0; i < 4; i += 1) assert.equal((await submit(page, wrong(first.code))).status(), 400);
  await submit(page, first.code);
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Annie Easley/);
  await other.close();

  // A fresh link: five wrong tries kill its code; then even the right code is refused.
  // Past the resend cooldown first (B3: a second link within 60 s is not sent).
  portal.advanceClock(61);
  await requestLink(await asking.newPage(), 'annie@example.test');
  const second = await portal.mail.next('annie@example.test');
  ({ other, page } = await codePage(second.link));
  for (let i = 0; i < 4; i += 1) assert.equal((await submit(page, wrong(second.code))).status(), 400);
  const fifth = await submit(page, wrong(second.code));
  assert.equal(fifth.status(), 429);
  assert.match(await page.locator('h1').innerText(), /Too many wrong codes/);
  await snap(page, 'signin-05-code-locked');
  ({ other, page } = await codePage(second.link));
  assert.equal((await submit(page, second.code)).status(), 429, 'the right code no longer opens it');
  await other.close();
  await asking.close();
});
