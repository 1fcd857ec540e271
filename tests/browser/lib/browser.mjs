// SPDX-License-Identifier: Apache-2.0
// Debian's Chromium driven by playwright-core. Never downloads a browser.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const executablePath = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Screenshots of every visited page land in the CTest artifact folder
// ($GATEHOUSE_ARTIFACTS, default tests/browser/artifacts).
export const artifactsDir = process.env.GATEHOUSE_ARTIFACTS
  ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

export async function snap(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}
