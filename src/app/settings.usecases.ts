import { invalid } from '../core/errors.js';
import { ModelParamsSchema } from '../core/model/index.js';
import { type Settings, SettingsUpdate } from '../core/settings.schemas.js';
import { issuesOf, parseOrThrow } from '../core/validation.js';
import type { AppContext } from './context.js';

export function getSettings(ctx: AppContext): Promise<Settings> {
  return ctx.store.settings();
}

type Overrides = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Overrides =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested parameter groups merge key by key, so changing one weight keeps the others. */
function mergeOverrides(current: Overrides, patch: Overrides): Overrides {
  const out: Overrides = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const known = out[key];
    out[key] = isPlainObject(known) && isPlainObject(value) ? { ...known, ...value } : value;
  }
  return out;
}

export async function updateSettings(ctx: AppContext, input: unknown): Promise<Settings> {
  const patch = parseOrThrow(SettingsUpdate, input, 'settings');
  return ctx.store.transaction(async (store) => {
    const current = await store.settings();
    const modelParams =
      patch.modelParams === null
        ? {}
        : patch.modelParams === undefined
          ? current.modelParams
          : mergeOverrides(current.modelParams, patch.modelParams);
    const checked = ModelParamsSchema.safeParse(modelParams);
    if (!checked.success) {
      const issues = issuesOf(checked.error).map((i) => ({ ...i, path: `modelParams.${i.path}` }));
      throw invalid(
        `The model parameters are not valid (${issues[0]?.path}: ${issues[0]?.message}).`,
        issues,
      );
    }
    const next: Settings = {
      ...current,
      ...patch,
      ringCadenceDays: { ...current.ringCadenceDays, ...patch.ringCadenceDays },
      digest: { ...current.digest, ...patch.digest },
      modelParams,
    };
    await store.saveSettings(next);
    return next;
  });
}
