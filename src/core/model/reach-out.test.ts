import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../time.js';
import { makeConnection, makeInteraction } from './fixtures.js';
import { DEFAULT_MODEL_PARAMS, resolveModelParams } from './params.js';
import { lastContactDates } from './people.js';
import { type ReachOutContext, rankReachOut } from './reach-out.js';
import type { DailyState } from './states.js';
import type { ModelConnection } from './types.js';

const TODAY = '2026-05-20';

const balance = (share: number | null): DailyState['technologyBalance'] => ({
  last7: { days: 7, inPersonMinutes: 0, digitalMinutes: 0, inPersonShare: share },
  last30: { days: 30, inPersonMinutes: 0, digitalMinutes: 0, inPersonShare: share },
});

function ctx(
  lastContact: Record<string, LocalDate>,
  overrides: Partial<ReachOutContext> = {},
): ReachOutContext {
  return {
    today: TODAY,
    timeZone: 'Europe/Berlin',
    params: DEFAULT_MODEL_PARAMS,
    lastContact: new Map(Object.entries(lastContact)),
    state: { isolationLoad: 20, technologyBalance: balance(0.7) },
    ...overrides,
  };
}

const ago = (days: number) => addDays(TODAY, -days);

describe('reach-out list', () => {
  const ana = makeConnection({ name: 'Ana', ring: 'inner', cadenceDays: 7 });
  const ben = makeConnection({ name: 'Ben', ring: 'close', cadenceDays: 30 });
  const cleo = makeConnection({ name: 'Cleo', ring: 'friends', cadenceDays: 180 });

  it('when connections are overdue, the most overdue (weighted by ring) comes first', () => {
    const list = rankReachOut(
      [cleo, ben, ana],
      ctx({ [ana.id]: ago(14), [ben.id]: ago(45), [cleo.id]: ago(400) }),
    );
    // Scores: Ana 2 × 4 = 8, Cleo 2.22 × 2 = 4.44, Ben 1.5 × 3 = 4.5.
    expect(list.map((n) => n.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(list[0]?.overdueRatio).toBe(2);
    expect(list[0]?.key).toBe(`reach-out:${ana.id}`);
  });

  it('when a connection is not yet due, it is not listed', () => {
    const list = rankReachOut([ana, ben], ctx({ [ana.id]: ago(3), [ben.id]: ago(30) }));
    expect(list.map((n) => n.name)).toEqual(['Ben']);
  });

  it('when a tie is flagged as draining, it is never listed, however overdue', () => {
    const dora = makeConnection({ name: 'Dora', ring: 'inner', cadenceDays: 7, draining: true });
    const list = rankReachOut([dora, ana], ctx({ [dora.id]: ago(300), [ana.id]: ago(8) }));
    expect(list.map((n) => n.name)).toEqual(['Ana']);
  });

  it('when a connection was never contacted, it is due one cadence after it was added', () => {
    const added = (date: string) =>
      makeConnection({
        name: 'New',
        ring: 'inner',
        cadenceDays: 7,
        createdAt: `${date}T10:00:00.000Z`,
      });
    expect(rankReachOut([added(ago(6))], ctx({}))).toEqual([]);
    const [due] = rankReachOut([added(ago(7))], ctx({}));
    expect(due?.lastContact).toBeNull();
    expect(due?.daysSinceContact).toBe(7);
    expect(due?.text).toContain('have not logged contact yet');
  });

  it('when any contact is logged, even a message, the cadence restarts', () => {
    const text = makeInteraction({
      startedAt: `${ago(1)}T20:00:00+02:00`,
      connectionIds: [ana.id],
      channel: 'text',
    });
    const last = lastContactDates([text], 'Europe/Berlin', TODAY);
    expect(last.get(ana.id)).toBe(ago(1));
    expect(rankReachOut([ana], ctx(Object.fromEntries(last)))).toEqual([]);
  });

  it('when isolation load is high, people are boosted into the list earlier and asked to meet', () => {
    const calm = rankReachOut([ben], ctx({ [ben.id]: ago(24) }));
    const isolated = rankReachOut(
      [ben],
      ctx(
        { [ben.id]: ago(24) },
        { state: { isolationLoad: 100, technologyBalance: balance(0.9) } },
      ),
    );
    expect(calm).toEqual([]);
    expect(isolated[0]?.name).toBe('Ben');
    expect(isolated[0]?.channel).toBe('in_person');
  });

  it('when the balance has tipped to digital, the suggestion is to meet in person', () => {
    const tipped = ctx(
      { [cleo.id]: ago(200) },
      { state: { isolationLoad: 0, technologyBalance: balance(0.2) } },
    );
    expect(rankReachOut([cleo], tipped)[0]?.channel).toBe('in_person');
    expect(rankReachOut([cleo], ctx({ [cleo.id]: ago(200) }))[0]?.channel).toBe('voice');
  });

  it('when the connection is a pet, the suggestion is pet time in person', () => {
    const rex = makeConnection({ name: 'Rex', kind: 'pet', ring: 'inner', cadenceDays: 1 });
    const [n] = rankReachOut([rex], ctx({ [rex.id]: ago(2) }));
    expect(n?.channel).toBe('in_person');
    expect(n?.kind).toBe('pet_time');
  });

  it('when shared joys are set, the activity comes from them and rotates deterministically by day', () => {
    const joys = ['climbing', 'ramen', 'board games'];
    const eve: ModelConnection = { ...ana, sharedJoys: joys };
    const pick = (today: string) =>
      rankReachOut([eve], ctx({ [eve.id]: addDays(today, -10) }, { today }))[0]?.activity;
    const week = Array.from({ length: 6 }, (_, k) => pick(addDays(TODAY, k)));
    for (const a of week) expect(joys).toContain(a);
    expect(new Set(week).size).toBe(3);
    expect(pick(TODAY)).toBe(pick(TODAY));
    expect(pick(addDays(TODAY, 3))).toBe(pick(TODAY));
  });

  it('when no shared joys are set, there is no activity and the text still reads well', () => {
    const [n] = rankReachOut([ben], ctx({ [ben.id]: ago(31) }));
    expect(n?.activity).toBeNull();
    expect(n?.text).toBe(
      '31 days since you were last in touch with Ben (you aim for every 30 days). Meet up?',
    );
  });

  it('when the due ratio is lowered, nearly-due connections join the list', () => {
    const params = resolveModelParams({ reachOutDueRatio: 0.5 });
    expect(rankReachOut([ana], ctx({ [ana.id]: ago(4) }, { params }))).toHaveLength(1);
  });
});
