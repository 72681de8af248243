/** Shared helpers for the browser journeys. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The server serves dist/web; build it once if nobody has (the check script builds first). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(repoRoot, 'dist/web/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'src/web/vite.config.ts'), logLevel: 'warn' });
}

/** Wait until some element of `locator` shows `text` (vitest's expect does not retry). */
export async function see(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function severeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
