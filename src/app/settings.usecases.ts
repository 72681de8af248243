import { type Settings, SettingsUpdate } from '../core/settings.schemas.js';
import { parseOrThrow } from '../core/validation.js';
import type { AppContext } from './context.js';

export function getSettings(ctx: AppContext): Promise<Settings> {
  return ctx.store.settings();
}

export async function updateSettings(ctx: AppContext, input: unknown): Promise<Settings> {
  const patch = parseOrThrow(SettingsUpdate, input, 'settings');
  return ctx.store.transaction(async (store) => {
    const current = await store.settings();
    const next: Settings = {
      ...current,
      ...patch,
      ringCadenceDays: { ...current.ringCadenceDays, ...patch.ringCadenceDays },
    };
    await store.saveSettings(next);
    return next;
  });
}
