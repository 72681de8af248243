import { describe, expect, it } from 'vitest';
import { addDays } from '../time.js';
import { dateOfDay } from './calendar.js';
import { makeCheckIn, makeConnection, makeInteraction } from './fixtures.js';
import { computeInsights, dailyStress, type InsightInput, type ShownInsight } from './insights.js';
import { resolveModelParams } from './params.js';
import type { ModelCheckIn, ModelInteraction } from './types.js';

const ana = makeConnection({ name: 'Ana', ring: 'inner' });
const ben = makeConnection({ name: 'Ben', ring: 'close' });
const rex = makeConnection({ name: 'Rex', ring: 'inner', kind: 'pet' });

// The first Welch example of stats.test.ts (expected values from scipy, see there).
const WITH = [3, 4, 2, 5, 4, 3, 6, 4];
const WITHOUT = [5, 6, 4, 7, 5, 6, 8, 5, 7, 6];
const START = '2026-03-01';

/** 8 days meeting Ana in person, then 10 days without; one check-in a day (two on the first). */
function fortnightAndABit(): InsightInput {
  const interactions: ModelInteraction[] = [];
  const checkIns: ModelCheckIn[] = [];
  WITH.forEach((stress, k) => {
    const day = addDays(START, k);
    interactions.push(
      makeInteraction({
        startedAt: `${day}T12:00:00+01:00`,
        connectionIds: [ana.id],
        durationMinutes: 60,
        kinds: ['shared_meal'],
      }),
    );
    if (k === 0) {
      // Day-level stress is the mean of the day's check-ins: (2 + 4) / 2 = 3.
      checkIns.push(makeCheckIn({ at: `${day}T08:00:00+01:00`, stress: 2 }));
      checkIns.push(makeCheckIn({ at: `${day}T21:00:00+01:00`, stress: 4 }));
    } else {
      checkIns.push(makeCheckIn({ at: `${day}T21:00:00+01:00`, stress }));
    }
  });
  WITHOUT.forEach((stress, k) => {
    const day = addDays(START, WITH.length + k);
    checkIns.push(makeCheckIn({ at: `${day}T21:00:00+01:00`, stress }));
  });
  return {
    interactions,
    checkIns,
    connections: [ana, ben, rex],
    timeZone: 'Europe/Berlin',
    trackingStart: START,
  };
}

const shown = (report: ReturnType<typeof computeInsights>, id: string): ShownInsight => {
  const found = report.shown.find((s) => s.id === id);
  if (!found) throw new Error(`${id} is not shown`);
  return found;
};

describe('insights', () => {
  const report = computeInsights(fortnightAndABit());

  it('when both sides have 8+ days, stress with vs without in-person contact is shown with Welch’s interval', () => {
    const i = shown(report, 'same-day:channel:in_person');
    expect(i.with.days).toBe(8);
    expect(i.without.days).toBe(10);
    expect(i.with.meanStress).toBeCloseTo(3.875, 12);
    expect(i.without.meanStress).toBeCloseTo(5.9, 12);
    expect(i.difference).toBeCloseTo(-2.025, 12);
    expect(i.ci95.lower).toBeCloseTo(-3.2643820682220586, 10); // scipy
    expect(i.ci95.upper).toBeCloseTo(-0.7856179317779419, 10); // scipy
    expect(i.df).toBeCloseTo(14.853149353035356, 10); // scipy
    expect(i.method).toMatch(/Welch/);
    expect(i.caveat).toBe('association, not cause');
    expect(i.summary).toContain('Association, not cause.');
    expect(i.summary).toContain('95% CI -3.3 to -0.8');
  });

  it('when a connection is met on enough days, stress with vs without them is shown too', () => {
    const i = shown(report, `same-day:connection:${ana.id}`);
    expect(i.difference).toBeCloseTo(-2.025, 12);
    expect(shown(report, 'same-day:kind:shared_meal').difference).toBeCloseTo(-2.025, 12);
  });

  it('when looking at the next day, each day’s stress is paired with the day before’s contact', () => {
    const i = shown(report, 'next-day:social');
    // Days 2–9 follow a day with contact (7 of WITH and WITHOUT[0]); days 10–18 do not.
    expect(i.with.days).toBe(8);
    expect(i.without.days).toBe(9);
    const expectedWith = [...WITH.slice(1), WITHOUT[0] ?? 0];
    expect(i.with.meanStress).toBeCloseTo(expectedWith.reduce((a, b) => a + b) / 8, 12);
  });

  it('when a side has too few days, the insight is withheld with the reason and the counts', () => {
    const video = report.withheld.find((w) => w.id === 'same-day:channel:video');
    expect(video?.daysWith).toBe(0);
    expect(video?.daysWithout).toBe(18);
    expect(video?.reason).toContain('at least 8 days');
    expect(report.withheld.some((w) => w.id === `same-day:connection:${ben.id}`)).toBe(true);
  });

  it('when the minimum is raised, thin comparisons are withheld', () => {
    const strict = computeInsights({
      ...fortnightAndABit(),
      params: resolveModelParams({ insightMinDaysPerGroup: 9 }),
    });
    expect(strict.shown.find((s) => s.id === 'same-day:channel:in_person')).toBeUndefined();
  });

  it('when time is with a pet only, it is not counted as in-person contact with people', () => {
    const base = fortnightAndABit();
    const walks = Array.from({ length: 18 }, (_, k) =>
      makeInteraction({
        startedAt: `${addDays(START, k)}T07:00:00+01:00`,
        connectionIds: [rex.id],
        kinds: ['pet_time'],
      }),
    );
    const r = computeInsights({ ...base, interactions: [...base.interactions, ...walks] });
    expect(shown(r, 'same-day:channel:in_person').difference).toBeCloseTo(-2.025, 12);
    expect(r.withheld.some((w) => w.id === 'same-day:kind:pet_time')).toBe(true);
  });

  it('when stress never varies, the insight is withheld rather than given a false interval', () => {
    const flat = fortnightAndABit();
    const r = computeInsights({
      ...flat,
      checkIns: flat.checkIns.map((c) => ({ ...c, stress: 5 })),
    });
    const w = r.withheld.find((x) => x.id === 'same-day:channel:in_person');
    expect(w?.reason).toMatch(/same on every one/);
  });

  it('when a range is given, only days in it are analysed', () => {
    const r = computeInsights({ ...fortnightAndABit(), from: '2026-03-05', to: '2026-03-12' });
    expect(r.stressDays).toBe(8);
    expect(r.shown).toEqual([]);
  });

  it('when the report is read, it explains that these are associations and many comparisons', () => {
    expect(report.note).toMatch(/associations/);
    expect(report.note).toMatch(/1 in 20/);
  });
});

describe('day-level stress', () => {
  it('when check-ins are near midnight, they count on the user’s local day', () => {
    const list = [
      makeCheckIn({ at: '2026-03-01T23:30:00Z', stress: 8 }), // 00:30 on 2 March in Berlin
      makeCheckIn({ at: '2026-03-02T10:00:00Z', stress: 4 }),
    ];
    const berlin = dailyStress(list, 'Europe/Berlin');
    const utc = dailyStress(list, 'UTC');
    expect([...berlin].map(([d, s]) => [dateOfDay(d), s])).toEqual([['2026-03-02', 6]]);
    expect(utc.size).toBe(2);
  });
});
