// SPDX-License-Identifier: Apache-2.0
// F13: sign-in by email allows five requests an hour from one address; the sixth gets
// a readable 429 page with Retry-After.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal } from '../lib/flows.mjs';
import { expectPageHeaders, expectNoInternals } from '../lib/checks.mjs';

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

test('the sixth sign-in request within the hour from one address gets the 429 page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const statuses = [];
  let last;
  for (let i = 1; i <= 6; i += 1) {
    await page.goto(`${portal.base}/portal/sign-in`);
    await page.getByLabel('Email address').fill(`person${i}@example.test`);
    [last] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: /Email me a sign-in link/ }).click(),
    ]);
    await page.waitForLoadState();
    statuses.push(last.status());
  }
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  expectPageHeaders(last.headers());
  assert.ok(Number(last.headers()['retry-after']) > 0, 'Retry-After');
  assert.match(await page.locator('h1').innerText(), /Please wait/);
  await expectNoInternals(page);
  await snap(page, 'ratelimit-01-429');
  await context.close();
});
