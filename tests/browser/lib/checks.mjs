// SPDX-License-Identifier: Apache-2.0
// Assertions shared by the page specs.
import assert from 'node:assert/strict';

// SPEC R5: the headers every portal page carries.
// HSTS only where the public URL is https (behind the TLS proxy), never over plain http.
export function expectPageHeaders(headers, { tokenPage = true, https = false } = {}) {
  const csp = headers['content-security-policy'] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /form-action 'self'/);
  assert.match(csp, /base-uri 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
  assert.ok(headers['permissions-policy'], 'Permissions-Policy');
  if (tokenPage) assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['strict-transport-security'], https ? 'max-age=31536000' : undefined,
    https ? 'HSTS over https' : 'no HSTS over plain http');
  assert.match(headers['content-type'] ?? '', /^text\/html; charset=utf-8/);
}

// No internals in a page: stack traces, file names, SQL, library names.
export async function expectNoInternals(page) {
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /exception|stack trace|\.cpp|sqlite|QSql|boost|beast|internal_error|std::/i);
}
