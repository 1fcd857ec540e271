// SPDX-License-Identifier: Apache-2.0
// A started portal with one admin, plus the staff-API steps the page tests need
// (create a client, invite, lock, revoke...). Everything over real HTTP.
import { Portal } from './portal.mjs';
import { SmtpServer } from './mail.mjs';

let counter = 0;

export async function startPortal(settings = {}, { smtp = true } = {}) {
  let smtpServer;
  const extra = { 'mail/poll_interval_ms': '100', ...settings };
  if (smtp) {
    smtpServer = await new SmtpServer().start();
    Object.assign(extra, { 'mail/transport': 'smtp', 'mail/smtp_url': smtpServer.url, 'mail/smtp_starttls': 'off' });
  }
  const portal = new Portal(extra);
  try {
    portal.createStaff('admin@firm.test', 'correct horse battery staple', 'admin');
    await portal.start();
    portal.staffToken = await portal.signIn('admin@firm.test', 'correct horse battery staple');
  } catch (error) {
    // A failed start must not leave the SMTP server (a child process) keeping the
    // test run alive until CTest's timeout.
    await portal.stop().catch(() => {});
    await smtpServer?.stop();
    portal.cleanup();
    throw error;
  }
  portal.smtp = smtpServer;
  portal.mail = smtpServer ? smtpServer.folder : null;
  const stop = portal.stop.bind(portal);
  // The SMTP server stops even when the portal ended badly (stop() throws then), so a
  // failed check never leaves a child process keeping the test run alive.
  portal.shutdown = async () => {
    try { await stop(); } finally { await smtpServer?.stop(); portal.cleanup(); }
  };
  return portal;
}

export async function staff(portal, method, path, body) {
  const r = await portal.api(method, path, { token: portal.staffToken, body });
  return r;
}

export async function createClient(portal, fields = {}) {
  counter += 1;
  const body = {
    name: fields.name ?? `Client ${counter}`,
    email: fields.email ?? `client${counter}-${Date.now()}@example.test`,
    matter: fields.matter ?? 'Purchase of 12 Harbour Street',
    ...fields,
  };
  const r = await staff(portal, 'POST', '/clients', body);
  if (r.status !== 201) throw new Error(`create client: ${r.status} ${r.text}`);
  return r.json.client ?? r.json;
}

export async function invite(portal, clientId) {
  const r = await staff(portal, 'POST', `/clients/${clientId}/invite`, {});
  if (r.status !== 201) throw new Error(`invite: ${r.status} ${r.text}`);
  return r.json;
}

// The link in the browser: the mail carries public_url, which is the server's own
// address in the tests.
export function pathOf(url) { return new URL(url).pathname; }
