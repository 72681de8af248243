import { describe, expect, it } from 'vitest';
import type { ImportantDate } from '../connections.schemas.js';
import { nextOccurrence, upcomingDates } from './dates.js';
import { makeConnection } from './fixtures.js';
import { DEFAULT_MODEL_PARAMS } from './params.js';

const person = (name: string, importantDates: ImportantDate[], draining = false) =>
  makeConnection({ name, importantDates, draining });

describe('upcoming dates', () => {
  it('when a birthday with a known year is 3 days away, it shows with the age', () => {
    const ana = person('Ana', [{ kind: 'birthday', month: 5, day: 23, year: 1986 }]);
    const [n] = upcomingDates([ana], '2026-05-20', DEFAULT_MODEL_PARAMS);
    expect(n).toMatchObject({
      key: `date:${ana.id}:05-23:2026`,
      date: '2026-05-23',
      daysUntil: 3,
      years: 40,
      text: 'Ana’s birthday (turns 40) is in 3 days, on 2026-05-23.',
    });
  });

  it('when the year is not known, no age is given', () => {
    const ben = person('Ben', [{ kind: 'birthday', month: 5, day: 20 }]);
    const [n] = upcomingDates([ben], '2026-05-20', DEFAULT_MODEL_PARAMS);
    expect(n?.years).toBeNull();
    expect(n?.daysUntil).toBe(0);
    expect(n?.text).toBe('Ben’s birthday is today.');
  });

  it('when a date is more than 14 days away, it is not shown yet', () => {
    const c = person('C', [{ kind: 'birthday', month: 6, day: 4 }]);
    expect(upcomingDates([c], '2026-05-20', DEFAULT_MODEL_PARAMS)).toEqual([]);
    expect(upcomingDates([c], '2026-05-21', DEFAULT_MODEL_PARAMS)).toHaveLength(1);
  });

  it('when the year turns over, a January date is found in the next year', () => {
    const d = person('Dee', [{ kind: 'birthday', month: 1, day: 3, year: 2000 }]);
    const [n] = upcomingDates([d], '2026-12-28', DEFAULT_MODEL_PARAMS);
    expect(n).toMatchObject({ date: '2027-01-03', daysUntil: 6, years: 27 });
    expect(n?.key).toBe(`date:${d.id}:01-03:2027`);
  });

  it('when a 29 February birthday falls in a common year, it is kept on 28 February', () => {
    expect(nextOccurrence(2, 29, '2027-02-20')).toEqual({ date: '2027-02-28', year: 2027 });
    expect(nextOccurrence(2, 29, '2028-02-20')).toEqual({ date: '2028-02-29', year: 2028 });
    // On 1 March of a common year, the next one is a year away.
    expect(nextOccurrence(2, 29, '2027-03-01')).toEqual({ date: '2028-02-29', year: 2028 });
    const leap = person('Lea', [{ kind: 'birthday', month: 2, day: 29, year: 2000 }]);
    const [n] = upcomingDates([leap], '2027-02-20', DEFAULT_MODEL_PARAMS);
    expect(n?.key).toBe(`date:${leap.id}:02-29:2027`);
    expect(n?.years).toBe(27);
  });

  it('when an anniversary has a label, the label names it', () => {
    const e = person('Eli', [
      { kind: 'anniversary', label: 'Met at uni', month: 5, day: 21, year: 2016 },
    ]);
    const [n] = upcomingDates([e], '2026-05-20', DEFAULT_MODEL_PARAMS);
    expect(n?.text).toBe('Met at uni with Eli (10 years) is tomorrow.');
  });

  it('when a tie is flagged as draining, its dates are not pushed', () => {
    const d = person('Dora', [{ kind: 'birthday', month: 5, day: 21 }], true);
    expect(upcomingDates([d], '2026-05-20', DEFAULT_MODEL_PARAMS)).toEqual([]);
  });

  it('when several dates are upcoming, the soonest comes first', () => {
    const a = person('A', [{ kind: 'birthday', month: 5, day: 30 }]);
    const b = person('B', [{ kind: 'birthday', month: 5, day: 22 }]);
    const list = upcomingDates([a, b], '2026-05-20', DEFAULT_MODEL_PARAMS);
    expect(list.map((n) => n.name)).toEqual(['B', 'A']);
  });
});
