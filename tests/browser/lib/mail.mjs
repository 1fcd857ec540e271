// SPDX-License-Identifier: Apache-2.0
// Reads the mail the real server sent. With `[mail] transport = folder` (the default in
// Portal) every message is one <outbox id>.eml file; with a real SMTP server
// (SmtpServer below, Debian's aiosmtpd on loopback) each message is a file in DIR/new.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';

// Undoes quoted-printable soft line breaks and =XX escapes of a text part.
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

// The plain-text part of a MIME message (good enough for our own mails).
export function textOf(raw) {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  let part = raw;
  if (boundary) {
    const parts = raw.split(`--${boundary}`);
    part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? raw;
  }
  const [head, ...body] = part.split(/\r?\n\r?\n/);
  let text = body.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) text = decodeQuotedPrintable(text);
  if (/content-transfer-encoding:\s*base64/i.test(head)) text = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  return text;
}

function header(raw, name) {
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0]);
  return m ? m[1].trim() : '';
}

export class MailFolder {
  constructor(dir) { this.dir = dir; this.seen = new Set(); }

  list() {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((f) => f.endsWith('.eml') || !f.startsWith('.')).sort();
  }

  // Waits (bounded) for a message to `to` not returned before; resolves with
  // { raw, text, subject, to, link, code, endLink }.
  async next(to, { timeoutMs = 15000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const f of this.list()) {
        if (this.seen.has(f)) continue;
        const raw = readFileSync(join(this.dir, f), 'utf8');
        const rcpt = header(raw, 'X-RcptTo') || header(raw, 'To');
        if (!rcpt.toLowerCase().includes(to.toLowerCase())) continue;
        this.seen.add(f);
        const text = textOf(raw);
        return {
          raw, text, subject: header(raw, 'Subject'), to: rcpt,
          link: /(https?:\/\/[^\s"<>]+\/portal\/[A-Za-z0-9_-]{43})/.exec(text)?.[1],
          code: /(?:code[^:\n]*:|code)\s*\n?\s*([A-Z0-9]{4,10})\b/i.exec(text)?.[1],
          endLink: /(https?:\/\/[^\s"<>]+\/portal\/end-session\/[^\s"<>]+)/.exec(text)?.[1],
        };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${to} within ${timeoutMs} ms in ${this.dir}`);
  }

  // Marks everything present as seen (so next() only returns newer mail).
  skipExisting() { for (const f of this.list()) this.seen.add(f); }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

// A real SMTP server on loopback: Debian's aiosmtpd writing a Maildir.
export class SmtpServer {
  async start() {
    this.dir = mkdtempSync(join(tmpdir(), 'gatehouse-smtp-'));
    this.port = await freePort();
    this.proc = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${this.port}`,
      '-c', 'aiosmtpd.handlers.Mailbox', join(this.dir, 'maildir')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    this.proc.stderr.on('data', (c) => { log += c; });
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`aiosmtpd exited (is python3-aiosmtpd installed?): ${log}`);
      // Accepting is not enough: wait for the 220 greeting, so the server is ready.
      const ok = await new Promise((resolve) => {
        const socket = connect(this.port, '127.0.0.1');
        const done = (v) => { socket.destroy(); resolve(v); };
        socket.once('data', (d) => { socket.write('QUIT\r\n'); done(String(d).startsWith('220')); });
        socket.once('error', () => done(false));
        socket.setTimeout(1000, () => done(false));
      });
      if (ok) return this;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('aiosmtpd did not start');
  }

  get url() { return `smtp://127.0.0.1:${this.port}`; }
  get folder() { return new MailFolder(join(this.dir, 'maildir', 'new')); }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
