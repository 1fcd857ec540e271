// SPDX-License-Identifier: Apache-2.0
// Looks at every page template in a real browser before its flow is reachable:
// gatehouse_pages_dump writes the rendered pages to a folder; this serves them from
// the real server's origin (so /static/ comes from the server, under the page CSP) and
// screenshots each at desktop and phone width.
//   node preview.mjs DUMP_DIR OUT_DIR
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Portal } from './lib/portal.mjs';
import { launchBrowser } from './lib/browser.mjs';

const [dumpDir, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const portal = new Portal();
await portal.start();
const browser = await launchBrowser();
try {
  // The pages' CSP as server/pages/pageresponse.cpp sends it.
  const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  for (const [label, viewport] of [['desktop', { width: 1100, height: 800 }], ['mobile', { width: 375, height: 740 }]]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    for (const file of readdirSync(dumpDir).filter((f) => f.endsWith('.html'))) {
      const name = file.replace(/\.html$/, '');
      await page.route(`${portal.base}/preview/${name}`, (route) => route.fulfill({
        status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(dumpDir, file)),
        headers: { 'Content-Security-Policy': csp ?? '' },
      }));
      await page.goto(`${portal.base}/preview/${name}`);
      await page.screenshot({ path: join(outDir, `${name}-${label}.png`), fullPage: true });
    }
    if (problems.length) console.log(`${label}: console errors:\n${problems.join('\n')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await portal.stop();
  portal.cleanup();
}
