/**
 * Fill a running, empty Tend with the demo year (seeded, so always the same
 * people and story) through the API's restore route.
 */
import { BACKUP_FORMAT, BACKUP_VERSION } from '../src/core/backup.schemas.js';
import { generateDemo } from '../src/core/demo/index.js';

export async function seedDemo(baseUrl: string, timeZone: string, seed = 1): Promise<void> {
  const now = new Date();
  const demo = generateDemo({ seed, now, timeZone });
  const response = await fetch(`${baseUrl}/api/v1/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      ...demo,
      settings: { ...demo.settings, timeZone },
    }),
  });
  if (!response.ok)
    throw new Error(`Restoring the demo failed: ${response.status} ${await response.text()}`);
}
