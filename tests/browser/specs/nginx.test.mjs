// SPDX-License-Identifier: Apache-2.0
// The example reverse-proxy configuration IT is told to install
// (installer/linux/nginx-gatehouse.conf) in front of a real gatehouse-portal, run by a
// real nginx. Only what cannot be used on a test machine is rewritten: the ports, the
// certificate paths and the IPv6 listens. Checks: HTTP redirects to HTTPS, HSTS on
// every answer, /metrics is not published, and the server believes the proxy's
// X-Forwarded-For (with [server] trusted_proxies = 127.0.0.1 as the file says) while a
// visitor's own forged header is overwritten, and nobody else's header is believed.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import { startPortal } from '../lib/flows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const exampleConf = join(here, '..', '..', '..', 'installer', 'linux', 'nginx-gatehouse.conf');
const nginxBinary = '/usr/sbin/nginx';
// Loopback has all of 127.0.0.0/8: a visitor bound to 127.0.0.5 is told apart from the
// proxy's own connection (127.0.0.1) without leaving the machine.
const visitor = '127.0.0.5';
const stranger = '127.0.0.6';
const forged = '198.51.100.66'; // TEST-NET-2: what a visitor pretends to be

let portal;
let nginx;
let dir;
let httpPort;
let httpsPort;
let nginxLog = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

// One HTTP(S) exchange from a chosen local address, with a bounded wait.
function exchange({ tls, port, method = 'GET', path, headers = {}, body, from = '127.0.0.1' }) {
  const send = tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({
      host: '127.0.0.1', port, method, path, localAddress: from, rejectUnauthorized: false, timeout: 10000,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from port ${port} within 10 s`)));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function configFor(upstreamPort) {
  let conf = readFileSync(exampleConf, 'utf8');
  const swaps = [
    [/^\s*listen \[::\]:\d+.*\n/gm, ''],
    [/listen 80;/, `listen 127.0.0.1:${httpPort};`],
    [/listen 443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`],
    [/ssl_certificate\s+\S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`],
    [/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`],
    [/proxy_pass http:\/\/127\.0\.0\.1:8080;/g, `proxy_pass http://127.0.0.1:${upstreamPort};`],
  ];
  for (const [pattern, replacement] of swaps) {
    const before = conf;
    conf = conf.replace(pattern, replacement);
    // The example changed shape: this test must follow it, not silently test less.
    assert.notEqual(conf, before, `${exampleConf} no longer contains ${pattern}`);
  }
  const temp = (name) => `${name}_temp_path ${join(dir, name)};`;
  return [
    ...(process.getuid() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `error_log ${join(dir, 'error.log')} warn;`,
    `pid ${join(dir, 'nginx.pid')};`,
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
    conf,
    '}',
    '',
  ].join('\n');
}

async function waitForNginx() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (nginx.exitCode !== null) break;
    try {
      const r = await exchange({ tls: true, port: httpsPort, path: '/healthz' });
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not come up (exit ${nginx.exitCode}): ${nginxLog}` +
    `${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
}

before(async () => {
  assert.ok(existsSync(nginxBinary), 'nginx is installed by scripts/bootstrap.sh (package nginx-light)');
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-nginx-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
  { stdio: 'ignore', timeout: 30000 });
  [httpPort, httpsPort] = [await freePort(), await freePort()];
  portal = await startPortal({ 'server/public_url': `https://127.0.0.1:${httpsPort}`, 'server/trusted_proxies': '127.0.0.1' },
    { smtp: false });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, configFor(new URL(portal.base).port));
  execFileSync(nginxBinary, ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', conf], { timeout: 30000 });
  nginx = spawn(nginxBinary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout.on('data', (d) => { nginxLog += d; });
  nginx.stderr.on('data', (d) => { nginxLog += d; });
  await waitForNginx();
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGQUIT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
    if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGKILL');
  }
  await portal?.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('plain HTTP is redirected to HTTPS', async () => {
  const r = await exchange({ tls: false, port: httpPort, path: '/portal/sign-in' });
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, `https://127.0.0.1/portal/sign-in`);
});

test('every answer over HTTPS carries HSTS, error pages included', async () => {
  for (const path of ['/healthz', '/portal/sign-in', '/no/such/page']) {
    const r = await exchange({ tls: true, port: httpsPort, path });
    assert.equal(r.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains', path);
  }
});

test('/metrics is not published by the proxy, though the server has it on loopback', async () => {
  const direct = await exchange({ tls: false, port: new URL(portal.base).port, path: '/metrics' });
  assert.equal(direct.status, 200, 'the scraper on the server itself gets the metrics');
  const proxied = await exchange({ tls: true, port: httpsPort, path: '/metrics' });
  assert.equal(proxied.status, 404);
  assert.match(proxied.text, /<center>nginx<\/center>/, 'answered by nginx itself, never forwarded');
});

async function lastSignInAddress() {
  const r = await portal.api('GET', '/audit?type=staff.sign_in_succeeded&limit=1', { token: portal.staffToken });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.events.length, 1);
  return r.json.events[0].address;
}

const credentials = { email: 'admin@firm.test', password: 'correct horse battery staple' };

test('the visitor\'s address comes from the proxy, and a forged X-Forwarded-For is overwritten', async () => {
  const r = await exchange({ tls: true, port: httpsPort, method: 'POST', path: '/api/v1/session', from: visitor,
    headers: { 'X-Forwarded-For': forged }, body: credentials });
  assert.equal(r.status, 201, r.text);
  assert.equal(await lastSignInAddress(), visitor);
});

test('the desktop apps\' push channel upgrades to a WebSocket through the proxy', async () => {
  // A raw upgrade request over TLS; the server's first frame is the feeds' heads.
  const frame = await new Promise((resolve, reject) => {
    const req = httpsRequest({
      host: '127.0.0.1', port: httpsPort, path: '/api/v1/events', rejectUnauthorized: false, timeout: 10000,
      headers: {
        Authorization: `Bearer ${portal.staffToken}`, Connection: 'Upgrade', Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13',
      },
    });
    req.on('upgrade', (res, socket, head) => {
      let data = head;
      const done = () => { socket.destroy(); resolve({ status: res.statusCode, data }); };
      if (data.length >= 2 && data.length >= 2 + (data[1] & 0x7f)) return done();
      socket.on('data', (chunk) => {
        data = Buffer.concat([data, chunk]);
        if (data.length >= 2 && data.length >= 2 + (data[1] & 0x7f)) done();
      });
    });
    req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
  assert.equal(frame.status, 101);
  assert.equal(frame.data[0], 0x81, 'one final text frame');
  const message = JSON.parse(frame.data.subarray(2, 2 + (frame.data[1] & 0x7f)).toString('utf8'));
  assert.equal(message.type, 'changed');
});

test('a forwarding header from anyone but the trusted proxy is ignored', async () => {
  const r = await exchange({ tls: false, port: new URL(portal.base).port, method: 'POST', path: '/api/v1/session',
    from: stranger, headers: { 'X-Forwarded-For': forged }, body: credentials });
  assert.equal(r.status, 201, r.text);
  assert.equal(await lastSignInAddress(), stranger);
});
