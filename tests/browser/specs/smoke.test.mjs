// SPDX-License-Identifier: Apache-2.0
// The browser harness itself: the real server starts, Chromium reaches it over
// loopback, and every answer carries the baseline security headers.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from '../lib/portal.mjs';
import { launchBrowser } from '../lib/browser.mjs';

let portal;
let browser;

before(async () => {
  portal = new Portal();
  await portal.start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
  portal?.cleanup();
});

test('health endpoint answers in the browser with security headers', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${portal.base}/healthz`);
  assert.equal(response.status(), 200);
  assert.equal(JSON.parse(await page.innerText('body')).status, 'ok');
  const headers = response.headers();
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  await page.close();
});

test('an unknown path gives a problem answer, not a stack trace', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${portal.base}/no/such/page`);
  assert.equal(response.status(), 404);
  const body = await page.innerText('body');
  assert.doesNotMatch(body, /exception|stack|\.cpp|Qt|boost/i);
  await page.close();
});
