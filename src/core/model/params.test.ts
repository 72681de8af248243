import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_MODEL_PARAMS, ModelParamsSchema, resolveModelParams } from './params.js';

/** Every leaf parameter as [dotted name, default]. */
function leaves(value: object, prefix = ''): [string, number][] {
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'object' && v !== null
      ? leaves(v, `${prefix}${key}.`)
      : [[`${prefix}${key}`, v as number] as [string, number]],
  );
}

describe('model parameters', () => {
  it('when nothing is overridden, the documented defaults apply', () => {
    expect(resolveModelParams()).toEqual(DEFAULT_MODEL_PARAMS);
    expect(DEFAULT_MODEL_PARAMS.channelWeights).toEqual({
      in_person: 1,
      video: 0.7,
      voice: 0.6,
      text: 0.3,
      social: 0.15,
    });
    expect(DEFAULT_MODEL_PARAMS.gentleAlertDays).toBe(7);
  });

  it('when a nested parameter is overridden, the rest of its group keeps the defaults', () => {
    const p = resolveModelParams({ channelWeights: { text: 0.4 }, deepHalfLifeDays: 21 });
    expect(p.channelWeights).toEqual({ ...DEFAULT_MODEL_PARAMS.channelWeights, text: 0.4 });
    expect(p.deepHalfLifeDays).toBe(21);
    expect(p.everydayHalfLifeDays).toBe(3);
  });

  it('when a value is out of range, validation names the field', () => {
    const r = ModelParamsSchema.safeParse({ channelWeights: { text: 0 }, reachOutMax: 0 });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['channelWeights.text', 'reachOutMax']);
  });

  it('when an unknown parameter is sent, it is refused rather than silently ignored', () => {
    expect(ModelParamsSchema.safeParse({ everydayHalfLife: 3 }).success).toBe(false);
  });

  it('when someone tries to change the shared defaults, they cannot', () => {
    expect(Object.isFrozen(DEFAULT_MODEL_PARAMS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_MODEL_PARAMS.channelWeights)).toBe(true);
  });

  it('when the schema is published for the API, every parameter has a range and a description', () => {
    const json = JSON.stringify(z.toJSONSchema(ModelParamsSchema, { io: 'input' }));
    for (const [name] of leaves(DEFAULT_MODEL_PARAMS)) {
      const key = name.split('.').at(-1) ?? name;
      expect(json).toContain(`"${key}"`);
    }
    expect(json.match(/"minimum"/g)?.length).toBe(leaves(DEFAULT_MODEL_PARAMS).length);
    expect(json.match(/"maximum"/g)?.length).toBe(leaves(DEFAULT_MODEL_PARAMS).length);
  });

  it('when docs/model.md lists the parameters, each appears with its current default', () => {
    const doc = readFileSync(new URL('../../../docs/model.md', import.meta.url), 'utf8');
    for (const [name, value] of leaves(DEFAULT_MODEL_PARAMS)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `${name} is missing from the parameter table`).toBeDefined();
      expect(row?.split('|')[2]?.trim()).toBe(String(value));
    }
  });
});
