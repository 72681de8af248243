/**
 * Render the app's icons for the web manifest from their SVG sources with
 * Debian's Chromium: `npx tsx e2e/icons.ts`. The PNGs are committed, so a
 * build needs no browser; run this again after changing an SVG.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../test/support/browser.js';
import { repoRoot } from './support.js';

const icons = join(repoRoot, 'src/web/public/icons');
const outputs = [
  { source: 'icon.svg', size: 192, file: 'icon-192.png' },
  { source: 'icon.svg', size: 512, file: 'icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, file: 'icon-maskable-512.png' },
];

const browser = await launchBrowser();
try {
  for (const { source, size, file } of outputs) {
    const svg = await readFile(join(icons, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(icons, file), omitBackground: true });
    await page.close();
    console.log(`${file}: ${size}×${size} from ${source}`);
  }
} finally {
  await browser.close();
}
