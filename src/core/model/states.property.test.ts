import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, INTERACTION_KINDS } from '../common.schemas.js';
import { startOfLocalDay } from '../time.js';
import { makeConnection, uuid } from './fixtures.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams, resolveModelParams } from './params.js';
import { computeDailyStates, type DailyState } from './states.js';
import type { ModelInput, ModelInteraction } from './types.js';
import { historyStart, WINDOW_TOLERANCE_POINTS } from './window.js';

const connections = [
  makeConnection({ id: uuid(1), name: 'Ana', ring: 'inner' }),
  makeConnection({ id: uuid(2), name: 'Ben', ring: 'close' }),
  makeConnection({ id: uuid(3), name: 'Rex', ring: 'inner', kind: 'pet' }),
  makeConnection({ id: uuid(4), name: 'Cleo', ring: 'wider', draining: true }),
];
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Lord_Howe'] as const;

function interactionArb(from: number, to: number): fc.Arbitrary<ModelInteraction> {
  return fc.record({
    id: fc.uuid({ version: 4 }),
    startedAt: fc.integer({ min: from, max: to }).map((ms) => new Date(ms).toISOString()),
    durationMinutes: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 600 }),
      fc.integer({ min: 0, max: 10_080 }),
    ),
    connectionIds: fc.subarray(
      connections.map((c) => c.id),
      { minLength: 1 },
    ),
    channel: fc.constantFrom(...CHANNELS),
    kinds: fc.subarray([...INTERACTION_KINDS], { minLength: 1 }),
    delight: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 })),
    messageCount: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 })),
  });
}

const T0 = Date.UTC(2026, 2, 1);
const T1 = Date.UTC(2026, 3, 30);
const RANGE = { from: '2026-03-01', to: '2026-04-30' };

function run(interactions: ModelInteraction[], timeZone: string, params?: ModelParams) {
  const input: ModelInput = {
    interactions,
    connections,
    timeZone,
    trackingStart: '2026-03-01',
    params,
  };
  return computeDailyStates(input, RANGE);
}

const inRange = (v: number) => v >= 0 && v <= 100;

describe('state properties', () => {
  it('whatever is logged, every state stays within 0–100 and every share within 0–1', () => {
    fc.assert(
      fc.property(
        fc.array(interactionArb(T0, T1), { maxLength: 60 }),
        fc.constantFrom(...ZONES),
        (list, zone) => {
          for (const s of run(list, zone)) {
            expect(inRange(s.everyday) && inRange(s.deepBond) && inRange(s.isolationLoad)).toBe(
              true,
            );
            for (const w of [s.technologyBalance.last7, s.technologyBalance.last30]) {
              expect(
                w.inPersonShare === null || (w.inPersonShare >= 0 && w.inPersonShare <= 1),
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('when an in-person interaction is added, isolation load is never higher on any day', () => {
    fc.assert(
      fc.property(
        fc.array(interactionArb(T0, T1), { maxLength: 40 }),
        interactionArb(T0, T1).map((i) => ({ ...i, channel: 'in_person' as const })),
        fc.constantFrom(...ZONES),
        (list, extra, zone) => {
          const without = run(list, zone);
          const withIt = run([...list, extra], zone);
          withIt.forEach((s, k) => {
            expect(s.isolationLoad).toBeLessThanOrEqual((without[k]?.isolationLoad ?? 0) + 1e-9);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('when every interaction is removed, the states are the empty baseline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), (zone) => {
        const r = DEFAULT_MODEL_PARAMS.isolationBuildPerDay;
        run([], zone).forEach((s: DailyState, k) => {
          expect(s.everyday).toBe(0);
          expect(s.deepBond).toBe(0);
          expect(s.isolationLoad).toBeCloseTo(100 * (1 - (1 - r) ** (k + 1)), 9);
          expect(s.technologyBalance.last7.inPersonShare).toBeNull();
          expect(s.technologyBalance.last30.inPersonShare).toBeNull();
        });
      }),
      { numRuns: 10 },
    );
  });

  it('when the same interactions arrive in another order, the results are identical', () => {
    fc.assert(
      fc.property(
        fc.array(interactionArb(T0, T1), { maxLength: 40 }),
        fc.constantFrom(...ZONES),
        fc.integer(),
        (list, zone, seed) => {
          const shuffled = fc.sample(fc.shuffledSubarray(list, { minLength: list.length }), {
            numRuns: 1,
            seed,
          })[0];
          expect(run(shuffled ?? list, zone)).toEqual(run(list, zone));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('when only the history window is loaded, the states equal a full recomputation within tolerance', () => {
    const paramsArb = fc.record({
      everydayHalfLifeDays: fc.double({ min: 0.5, max: 10, noNaN: true }),
      deepHalfLifeDays: fc.double({ min: 2, max: 30, noNaN: true }),
      isolationBuildPerDay: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      isolationReliefPerDay: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    // Two years of history, including long interactions that straddle the window's start.
    const H0 = Date.UTC(2024, 3, 1);
    fc.assert(
      fc.property(
        fc.array(interactionArb(H0, T1), { minLength: 50, maxLength: 250 }),
        fc.constantFrom(...ZONES),
        paramsArb,
        (list, zone, overrides) => {
          const params = resolveModelParams(overrides);
          const full: ModelInput = {
            interactions: list,
            connections,
            timeZone: zone,
            trackingStart: '2024-03-31',
            params,
          };
          const cut = startOfLocalDay(historyStart(RANGE.from, params), zone).getTime();
          const windowed: ModelInput = {
            ...full,
            interactions: list.filter((i) => Date.parse(i.startedAt) >= cut),
          };
          const a = computeDailyStates(full, RANGE);
          const b = computeDailyStates(windowed, RANGE);
          a.forEach((s, k) => {
            const w = b[k];
            if (!w) throw new Error('missing day');
            for (const key of ['everyday', 'deepBond', 'isolationLoad'] as const) {
              expect(Math.abs(s[key] - w[key])).toBeLessThanOrEqual(WINDOW_TOLERANCE_POINTS);
            }
            expect(w.technologyBalance).toEqual(s.technologyBalance);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
