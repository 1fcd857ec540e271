// SPDX-License-Identifier: Apache-2.0
// Production runs behind a TLS-terminating reverse proxy (docs/deployment.md). Here a
// small HTTPS proxy with a throwaway self-signed certificate stands in for nginx/Caddy:
// links are built from the https public URL (B8), pages carry HSTS (R5), the __Host-
// cookies work over real TLS, and X-Forwarded-For is honoured from the trusted proxy
// (F13) so the client's access history shows the client's address, not the proxy's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, snap } from '../lib/browser.mjs';
import { startPortal, createClient, invite } from '../lib/flows.mjs';
import { expectPageHeaders } from '../lib/checks.mjs';

const clientAddress = '203.0.113.9'; // what the proxy reports as the visitor (TEST-NET-3)
let portal;
let proxy;
let browser;
let certDir;
let httpsBase;

function selfSignedCertificate() {
  certDir = mkdtempSync(join(tmpdir(), 'gatehouse-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')],
  { stdio: 'ignore', timeout: 30000 });
  return { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) };
}

before(async () => {
  let upstream;
  proxy = createServer(selfSignedCertificate(), (req, res) => {
    const forward = httpRequest({
      host: '127.0.0.1', port: upstream, method: req.method, path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': clientAddress, 'x-forwarded-proto': 'https' },
    }, (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
    forward.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(forward);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  httpsBase = `https://127.0.0.1:${proxy.address().port}`;
  portal = await startPortal({ 'server/public_url': httpsBase, 'server/trusted_proxies': '127.0.0.1' });
  upstream = new URL(portal.base).port;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.shutdown();
  await new Promise((r) => (proxy ? proxy.close(r) : r()));
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

test('behind a TLS proxy: https links, HSTS on every page, secure cookies, the client address', async () => {
  const client = await createClient(portal, { name: 'Hedy Lamarr', email: 'hedy@example.test' });
  const invited = await invite(portal, client.id);
  assert.ok(invited.portal_url.startsWith(`${httpsBase}/portal/`), invited.portal_url);
  const mail = await portal.mail.next('hedy@example.test');
  assert.ok(mail.link.startsWith(`${httpsBase}/portal/`), 'the mailed link is https too');

  // The throwaway certificate is not trusted by Chromium; everything else is real TLS.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const shown = await page.goto(mail.link);
  assert.equal(shown.status(), 200);
  expectPageHeaders(shown.headers(), { https: true });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${httpsBase}/portal/hub`);
  const hub = await page.reload();
  expectPageHeaders(hub.headers(), { https: true });
  assert.match(await page.locator('main').innerText(), new RegExp(clientAddress.replace(/\./g, '\\.')));
  await snap(page, 'tls-01-hub-over-https');
  const session = (await context.cookies()).find((c) => c.name === '__Host-gh_session');
  assert.ok(session && session.secure && session.httpOnly && session.sameSite === 'Lax', 'secure session cookie');
  await context.close();
});
