// SPDX-License-Identifier: Apache-2.0
// R5, R8 on the pages: a POST without the right CSRF token is refused; every page and
// static file carries its security headers; bad input (garbage, overlong, non-ASCII
// tokens, tampered cookies, missing/oversized fields, wrong methods) gets a clear page
// and the right status, never internals.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, pathOf } from '../lib/flows.mjs';
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

const form = 'application/x-www-form-urlencoded';

test('a Continue POST without the right CSRF token is refused and consumes nothing', async () => {
  const client = await createClient(portal);
  const invited = await invite(portal, client.id);
  const url = portal.base + pathOf(invited.portal_url);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url); // sets the CSRF cookie
  for (const body of ['', 'csrf=', 'csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
    const r = await context.request.post(url, { headers: { 'Content-Type': form }, data: body, maxRedirects: 0 });
    assert.equal(r.status(), 403, `body '${body}'`);
    assert.match(await r.text(), /did not go through/);
    expectPageHeaders(r.headers());
  }
  // Cross-site style: no cookie at all, but a token copied from the page.
  const token = await page.locator('input[name="csrf"]').first().getAttribute('value');
  const bare = await fetch(url, { method: 'POST', headers: { 'Content-Type': form }, body: `csrf=${token}`, redirect: 'manual' });
  assert.equal(bare.status, 403);
  // The link still works with the real form.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  // Sign-out without the token is refused too, and the session survives.
  const out = await context.request.post(`${portal.base}/portal/sign-out-everywhere`, {
    headers: { 'Content-Type': form }, data: 'csrf=nope', maxRedirects: 0,
  });
  assert.equal(out.status(), 403);
  const refusedHtml = await out.text();
  await page.reload();
  assert.match(await page.locator('h1').innerText(), /Welcome/);
  // Show the refusal page as the browser would (from the portal's origin, with its CSS).
  await page.route(`${portal.base}/csrf-refused`, (route) => route.fulfill({ status: 403, contentType: 'text/html', body: refusedHtml }));
  await page.goto(`${portal.base}/csrf-refused`);
  assert.match(await page.locator('h1').innerText(), /did not go through/);
  await snap(page, 'hardening-01-csrf');
  await context.close();
});

test('security headers on every page and static file', async () => {
  const page = await browser.newPage();
  for (const path of ['/portal/sign-in', '/portal/hub', `/portal/${'B'.repeat(43)}`, '/portal/x']) {
    const r = await page.goto(portal.base + path);
    expectPageHeaders(r.headers());
  }
  const html = await (await fetch(`${portal.base}/portal/sign-in`)).text();
  const css = /href="([^"]*portal\.css[^"]*)"/.exec(html)[1].replaceAll('&#x2F;', '/');
  const r = await fetch(portal.base + css);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/css/);
  assert.match(r.headers.get('cache-control'), /max-age=31536000/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  await page.close();
});

test('bad input gets a clear page and the right status', async () => {
  const page = await browser.newPage();
  const cases = [
    ['GET', `/portal/${'x'.repeat(4000)}`, 404],
    ['GET', '/portal/%E2%9C%93%E2%9C%93%E2%9C%93', 404],
    ['GET', '/portal/%FF%FE', 404],
    ['GET', `/portal/${'A'.repeat(42)}!`, 404],
  ];
  for (const [method, path, status] of cases) {
    const r = await page.goto(portal.base + path);
    assert.equal(r.status(), status, path);
    await expectNoInternals(page);
  }
  await snap(page, 'hardening-02-bad-token');

  // Tampered session cookies: treated as signed out.
  const context = await browser.newContext();
  await context.addCookies([{ name: '__Host-gh_session', value: 'k1.AAAA.BBBB', domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
  const tampered = await context.newPage();
  const hub = await tampered.goto(`${portal.base}/portal/hub`);
  assert.equal(hub.status(), 401);
  assert.match(await tampered.locator('h1').innerText(), /not signed in/i);
  await expectNoInternals(tampered);
  await snap(tampered, 'hardening-03-signed-out');
  await context.close();

  // Forms: missing and oversized fields, wrong content type, wrong methods.
  const post = (path, body, type = form) => fetch(portal.base + path, { method: 'POST', headers: { 'Content-Type': type }, body, redirect: 'manual' });
  // Without the form's CSRF cookie a well-formed post is refused (403); a body the form
  // parser cannot take is a bad request (400) before anything else is looked at.
  for (const [label, r, status] of [
    ['missing email', await post('/portal/sign-in', ''), 403],
    ['oversized email', await post('/portal/sign-in', `email=${'a'.repeat(5000)}%40x.test`), 400],
    ['json body', await post('/portal/sign-in', '{"email":"a@b.c"}', 'application/json'), 400],
    ['wrong method', await fetch(`${portal.base}/portal/sign-in`, { method: 'PUT' }), 405],
    ['wrong method on a link', await fetch(`${portal.base}/portal/${'C'.repeat(43)}`, { method: 'DELETE' }), 405],
  ]) {
    assert.equal(r.status, status, label);
    const text = await r.text();
    assert.doesNotMatch(text, /exception|\.cpp|sqlite|QSql|boost|std::/i, label);
  }
  await page.close();
});
