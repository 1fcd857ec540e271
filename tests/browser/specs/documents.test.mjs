// SPDX-License-Identifier: Apache-2.0
// F10, F8, F14: a client who signs in through the mailed invite sees their document on
// the hub and downloads it; a document's own link, mailed by staff, downloads directly
// in a fresh browser; after revoke the hub's download link and the /d/ link show the
// "access revoked" page instead of the file. Links are read from the delivered mail.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite, staff, pathOf } from '../lib/flows.mjs';

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

// A PDF-looking file with every byte value in it: the download must be byte for byte.
function documentBytes() {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096), Buffer.from('\n%%EOF\n')]);
}

async function upload(clientId, name, bytes) {
  const res = await fetch(`${portal.base}/api/v1/clients/${clientId}/documents?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${portal.staffToken}`, 'Content-Type': 'application/pdf' },
    body: bytes,
  });
  const json = await res.json();
  assert.equal(res.status, 201, JSON.stringify(json));
  return json.document;
}

function documentLinkIn(text) {
  return /(https?:\/\/[^\s"<>]+\/d\/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text)?.[1];
}

// Opens the mailed invite link in a fresh browser and continues to the hub.
async function signInFromMail(client) {
  await invite(portal, client.id);
  const mail = await portal.mail.next(client.email);
  assert.ok(mail.link, 'the invite mail carries the portal link');
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(portal.base + pathOf(mail.link));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${portal.base}/portal/hub`);
  return { context, page };
}

async function downloadedBytes(download) {
  const path = await download.path();
  return readFileSync(path);
}

async function events(clientId, type) {
  const r = await staff(portal, 'GET', `/audit?client_id=${clientId}&type=${type}&limit=500`);
  assert.equal(r.status, 200, r.text);
  return r.json.events;
}

test('hub: the client signed in from the mailed invite downloads the document, same bytes', async () => {
  const client = await createClient(portal, { name: 'Ada Lovelace' });
  const bytes = documentBytes();
  const doc = await upload(client.id, 'Engagement letter.pdf', bytes);
  const { context, page } = await signInFromMail(client);
  const link = page.getByRole('link', { name: 'Engagement letter.pdf' });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), `/portal/documents/${doc.id}`);
  await snap(page, 'documents-01-hub');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'Engagement letter.pdf');
  assert.ok((await downloadedBytes(download)).equals(bytes), 'the downloaded bytes are the uploaded ones');
  // F14: the download is in the audit, from the hub, with the browser's own agent.
  const [event] = await events(client.id, 'document.downloaded');
  assert.equal(event.details.via, 'hub');
  assert.equal(event.details.document_id, doc.id);
  assert.equal(event.details.likely_scanner, false);
  assert.equal(event.address, '127.0.0.1');
  assert.match(event.user_agent, /Chrome/);
  await context.close();
});

test('document link by mail: a fresh browser downloads the document directly', async () => {
  const client = await createClient(portal, { name: 'Grace Hopper', require_sign_in: true });
  const bytes = documentBytes();
  const doc = await upload(client.id, 'Invoice 2026-11.pdf', bytes);
  const sent = await staff(portal, 'POST', `/clients/${client.id}/documents/${doc.id}/send`);
  assert.equal(sent.status, 202, sent.text);
  assert.deepEqual(sent.json, { queued: true });
  const mail = await portal.mail.next(client.email);
  assert.match(mail.subject, /Invoice 2026-11\.pdf/);
  assert.match(mail.text, /Purchase of 12 Harbour Street/);
  const url = documentLinkIn(mail.text);
  assert.ok(url, `a document link in: ${mail.text}`);
  // With the lock on (F10): no sign-in, no verify screen, the file itself.
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.goto(portal.base + pathOf(url)).catch(() => { /* a download aborts the navigation */ }),
  ]);
  assert.equal(download.suggestedFilename(), 'Invoice 2026-11.pdf');
  assert.ok((await downloadedBytes(download)).equals(bytes), 'the downloaded bytes are the uploaded ones');
  const [event] = await events(client.id, 'document.downloaded');
  assert.equal(event.details.via, 'link');
  await context.close();
});

test('revoke: the hub download link and the document link show "access revoked"', async () => {
  const client = await createClient(portal, { name: 'Barbara Liskov' });
  const doc = await upload(client.id, 'Contract.pdf', documentBytes());
  const sent = await staff(portal, 'POST', `/clients/${client.id}/documents/${doc.id}/send`);
  assert.equal(sent.status, 202, sent.text);
  const docMail = await portal.mail.next(client.email);
  const url = documentLinkIn(docMail.text);
  assert.ok(url);
  const { context, page } = await signInFromMail(client);
  const link = page.getByRole('link', { name: 'Contract.pdf' });
  await link.waitFor();

  const revoked = await staff(portal, 'POST', `/clients/${client.id}/revoke`, { reason: 'matter closed' });
  assert.equal(revoked.status, 200, revoked.text);

  // The hub still open in the browser: its download link now leads to the revoked page.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/portal/documents/${doc.id}`)),
    link.click(),
  ]);
  await page.waitForLoadState();
  assert.equal(answer.status(), 403);
  assert.match(await page.locator('h1').innerText(), /Access revoked/);
  await snap(page, 'documents-02-hub-link-revoked');

  // The document's own link, opened in a fresh browser: 410, the same words.
  const fresh = await browser.newContext({ acceptDownloads: true });
  const other = await fresh.newPage();
  let downloaded = false;
  other.on('download', () => { downloaded = true; });
  const response = await other.goto(portal.base + pathOf(url));
  assert.equal(response.status(), 410);
  assert.match(await other.locator('h1').innerText(), /Access revoked/);
  assert.equal(downloaded, false);
  await snap(other, 'documents-03-link-revoked');
  await fresh.close();
  await context.close();
});
