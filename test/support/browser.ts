import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

/**
 * Browser tests drive the system's Chromium through playwright-core; they
 * never download a browser. Point CHROMIUM_PATH elsewhere if it lives
 * somewhere else.
 */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether an executable Chromium is where the tests will look for it. */
export function browserAvailable(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * `describe` for suites that need Chromium. Without it the suite is skipped
 * with a warning on a developer's machine, but in CI (`CI=true`) a missing
 * browser is an error: a skipped browser suite must never pass as green.
 */
export function describeBrowser(name: string, suite: () => void): void {
  if (browserAvailable()) {
    describe(name, suite);
    return;
  }
  const message = `Chromium was not found at ${chromiumPath()} (set CHROMIUM_PATH to its executable).`;
  if (process.env.CI === 'true') {
    throw new Error(`${message} Browser tests must run in CI: "${name}" cannot be skipped.`);
  }
  console.warn(`${message} Skipping the browser suite "${name}".`);
  describe.skip(name, suite);
}
