// SPDX-License-Identifier: Apache-2.0
// A client's browser for the journey tests (tests/journeys): Debian's Chromium, driven
// by playwright-core, answering one JSON command per line on stdin with one JSON line
// on stdout. The journeys are Qt tests that also drive the real desktop app, so the
// browser runs beside them as a child process instead of inside Node's test runner.
//
// Every command has an "id" and an "op"; the answer repeats the id and carries
// "ok": true with the op's result, or "ok": false with "error". Browsers ("ctx") are
// named; each is a fresh context with its own cookies, like a separate device.
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launchBrowser, snap } from './lib/browser.mjs';

const browser = await launchBrowser();
const contexts = new Map(); // name -> { context, page }

async function pageOf(name) {
  let entry = contexts.get(name);
  if (!entry) {
    const context = await browser.newContext({ acceptDownloads: true });
    entry = { context, page: await context.newPage() };
    contexts.set(name, entry);
  }
  return entry;
}

// What a test reads of a page: where it is, its heading and its visible text.
async function describe(page, response) {
  await page.waitForLoadState();
  const heading = await page.locator('h1').first().innerText({ timeout: 2000 }).catch(() => '');
  return {
    status: response ? response.status() : null,
    url: page.url(),
    heading,
    text: await page.locator('body').innerText({ timeout: 2000 }).catch(() => ''),
  };
}

function locator(page, cmd) {
  if (cmd.role) return page.getByRole(cmd.role, { name: cmd.name, exact: cmd.exact ?? false }).first();
  if (cmd.label) return page.getByLabel(cmd.label).first();
  return page.locator(cmd.selector).first();
}

async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), trigger().catch(() => null)]);
  const path = await file.path();
  const bytes = readFileSync(path);
  return {
    filename: file.suggestedFilename(),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const ops = {
  // Opens a URL; the answer describes the page (or the download it started).
  async goto(cmd) {
    const { page } = await pageOf(cmd.ctx);
    if (cmd.expectDownload) return { download: await download(page, () => page.goto(cmd.url)) };
    const response = await page.goto(cmd.url);
    return describe(page, response);
  },
  // Clicks a button or link and waits for what it leads to.
  async click(cmd) {
    const { page } = await pageOf(cmd.ctx);
    const target = locator(page, cmd);
    if (cmd.expectDownload) return { download: await download(page, () => target.click()) };
    // Every document answer on the way (the POST, its redirects' targets), with the
    // cookies each one set, so a test can tell which answer changed a cookie.
    const responses = [];
    const record = async (r) => {
      if (r.request().resourceType() !== 'document') return;
      responses.push({
        method: r.request().method(), url: r.url(), status: r.status(),
        setCookie: (await r.headerValue('set-cookie').catch(() => null)) ?? '',
      });
    };
    page.on('response', record);
    try {
      const [response] = await Promise.all([
        page.waitForNavigation({ timeout: 15000 }).catch(() => null),
        target.click(),
      ]);
      return { ...(await describe(page, response)), responses };
    } finally {
      page.off('response', record);
    }
  },
  async fill(cmd) {
    const { page } = await pageOf(cmd.ctx);
    await locator(page, cmd).fill(cmd.value);
    return {};
  },
  async page(cmd) {
    const { page } = await pageOf(cmd.ctx);
    return describe(page, null);
  },
  // Waits (bounded) until the page shows a text, e.g. a page that proceeds by itself.
  async waitForText(cmd) {
    const { page } = await pageOf(cmd.ctx);
    await page.getByText(cmd.text, { exact: false }).first().waitFor({ timeout: cmd.timeoutMs ?? 15000 });
    return describe(page, null);
  },
  async links(cmd) {
    const { page } = await pageOf(cmd.ctx);
    return {
      links: await page.locator('a[href]').evaluateAll((as) =>
        as.map((a) => ({ text: a.innerText.trim(), href: a.href }))),
    };
  },
  // A request with this browser's cookies but outside the page (no download dialog).
  async request(cmd) {
    const { context } = await pageOf(cmd.ctx);
    const response = await context.request.fetch(cmd.url, {
      method: cmd.method ?? 'GET', maxRedirects: 0, failOnStatusCode: false,
    });
    const body = await response.body();
    return {
      status: response.status(),
      headers: response.headers(),
      sha256: createHash('sha256').update(body).digest('hex'),
      text: body.toString('utf8').slice(0, 20000),
    };
  },
  async cookies(cmd) {
    const { context } = await pageOf(cmd.ctx);
    return { cookies: await context.cookies() };
  },
  // Puts a cookie into a browser, e.g. to replay a session id another browser had.
  async addCookie(cmd) {
    const { context } = await pageOf(cmd.ctx);
    await context.addCookies([cmd.cookie]);
    return {};
  },
  async screenshot(cmd) {
    const { page } = await pageOf(cmd.ctx);
    await snap(page, cmd.name);
    return {};
  },
  async closeContext(cmd) {
    const entry = contexts.get(cmd.ctx);
    if (entry) await entry.context.close();
    contexts.delete(cmd.ctx);
    return {};
  },
};

const lines = createInterface({ input: process.stdin });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of lines) {
  if (!line.trim()) continue;
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch {
    process.stdout.write(`${JSON.stringify({ ok: false, error: 'not JSON' })}\n`);
    continue;
  }
  if (cmd.op === 'quit') break;
  try {
    const op = ops[cmd.op];
    if (!op) throw new Error(`unknown op ${cmd.op}`);
    const result = await op(cmd);
    process.stdout.write(`${JSON.stringify({ id: cmd.id, ok: true, ...result })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id: cmd.id, ok: false, error: String(error?.message ?? error) })}\n`);
  }
}
await browser.close();
process.exit(0);
