// SPDX-License-Identifier: Apache-2.0
// Starts the real gatehouse-portal binary (from $GATEHOUSE_PORTAL_BIN, set by CTest)
// on 127.0.0.1 with port 0 in a temporary directory, and speaks its staff API.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function portalBinary() {
  const bin = process.env.GATEHOUSE_PORTAL_BIN;
  if (!bin) throw new Error('GATEHOUSE_PORTAL_BIN is not set; run the browser tests through ctest');
  return bin;
}

// The first sanitizer report (ASan, LSan, UBSan) in a server's output, or ''.
export function sanitizerReport(log) {
  for (const marker of ['ERROR: AddressSanitizer', 'ERROR: LeakSanitizer', 'runtime error:',
    'SUMMARY: UndefinedBehaviorSanitizer']) {
    const at = log.indexOf(marker);
    if (at >= 0) return log.slice(log.lastIndexOf('\n', at) + 1, at + 4000);
  }
  return '';
}

export class Portal {
  constructor(settings = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'gatehouse-browser-'));
    this.settings = {
      'server/address': '127.0.0.1',
      'server/port': '0',
      'database/path': join(this.dir, 'portal.db'),
      'mail/transport': 'folder',
      'mail/folder': join(this.dir, 'mail'),
      // Test builds read the clock offset from here on every "now" (server/clock.h).
      'testing/clock_offset_file': join(this.dir, 'clock-offset'),
      ...settings,
    };
    this.log = '';
  }

  get configPath() { return join(this.dir, 'portal.conf'); }

  // Lets `seconds` pass on the server's clock at once, instead of sleeping.
  advanceClock(seconds) {
    this.clockOffset = (this.clockOffset ?? 0) + seconds;
    writeFileSync(this.settings['testing/clock_offset_file'], String(this.clockOffset));
  }

  writeConfig() {
    const sections = {};
    for (const [k, v] of Object.entries(this.settings)) {
      const [section, key] = k.split('/');
      (sections[section] ??= []).push(`${key} = ${v}`);
    }
    writeFileSync(this.configPath,
      Object.entries(sections).map(([s, lines]) => `[${s}]\n${lines.join('\n')}\n`).join('\n'));
  }

  cli(args, input) {
    const r = spawnSync(portalBinary(), args, { input, encoding: 'utf8', timeout: 30000 });
    if (r.status !== 0) throw new Error(`gatehouse-portal ${args[0]} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  createStaff(email, password, role = 'admin') {
    this.writeConfig();
    const args = ['create-admin', '--config', this.configPath, '--email', email, '--password-stdin'];
    if (role !== 'admin') args.push('--role', role);
    this.cli(args, `${password}\n`);
  }

  // Resolves once the server logs its "listening" event; rejects after 20 s.
  async start() {
    this.writeConfig();
    this.proc = spawn(portalBinary(), ['serve', '--config', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => { this.log += chunk.toString(); };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      for (const line of this.log.split('\n')) {
        try {
          const event = JSON.parse(line);
          if (event.event === 'listening') {
            this.base = `http://127.0.0.1:${event.port}`;
            return this.base;
          }
        } catch { /* not a JSON line yet */ }
      }
      if (this.proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`gatehouse-portal did not start:\n${this.log}`);
  }

  // Stops the server and checks how it ended: a server that started must exit 0 on
  // SIGTERM, without a sanitizer report in its output; otherwise this throws, which
  // fails the test file's after() hook and so the CTest test.
  async stop() {
    if (!this.proc) return;
    const proc = this.proc;
    this.proc = null;
    let hung = false;
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
      if (proc.exitCode === null && proc.signalCode === null) {
        hung = true;
        proc.kill('SIGKILL');
        await exited;
      }
    }
    if (!this.base) return; // never started: the start-up error already said why
    const report = sanitizerReport(this.log);
    if (hung || proc.exitCode !== 0 || report) {
      throw new Error(`gatehouse-portal did not end cleanly (exit ${proc.exitCode}, signal ${proc.signalCode}` +
        `${hung ? ', hung after SIGTERM' : ''})${report ? `\n${report}` : ''}\n--- server output (tail) ---\n` +
        `${this.log.slice(-6000)}`);
    }
  }

  cleanup() { rmSync(this.dir, { recursive: true, force: true }); }

  // Staff API over real HTTP.
  async api(method, path, { body, token, headers = {} } = {}) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, json, text };
  }

  async signIn(email, password) {
    const r = await this.api('POST', '/session', { body: { email, password } });
    if (r.status !== 201) throw new Error(`staff sign-in failed: ${r.status} ${r.text}`);
    return r.json.token;
  }
}
