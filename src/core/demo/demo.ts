import type { CheckIn } from '../checkins.schemas.js';
import type { Connection } from '../connections.schemas.js';
import { type FieldIssue, invalid } from '../errors.js';
import type { Interaction } from '../interactions.schemas.js';
import type { Plan } from '../plans.schemas.js';
import { defaultSettings, type Settings } from '../settings.schemas.js';
import { isValidTimeZone } from '../time.js';
import { buildCheckIns } from './checkins.js';
import { buildCast } from './connections.js';
import { demoDays } from './days.js';
import { buildPlans } from './plans.js';
import { Random } from './random.js';
import { buildTimeline } from './timeline.js';

export interface DemoOptions {
  /** Any safe integer; the same seed, `now` and zone always give the same year. */
  seed: number;
  /** The demo's "today": every record lies before it, except plans still to come. */
  now: Date;
  /** The user's IANA time zone; times of day are realistic in it. */
  timeZone: string;
}

/** A complete data set for one user, in the same shape as a backup's records. */
export interface DemoData {
  settings: Settings;
  connections: Connection[];
  interactions: Interaction[];
  checkins: CheckIn[];
  plans: Plan[];
}

function checkOptions({ seed, now, timeZone }: DemoOptions): void {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(seed)) issues.push({ path: 'seed', message: 'must be an integer' });
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    issues.push({ path: 'now', message: 'must be a valid date' });
  }
  if (!isValidTimeZone(timeZone)) {
    issues.push({ path: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' });
  }
  const first = issues[0];
  if (first)
    throw invalid(`The demo options are not valid (${first.path}: ${first.message}).`, issues);
}

/**
 * A believable year in the life of someone who moved city and works from
 * home (see DEMO_STORY), generated without I/O, clock or Math.random().
 */
export function generateDemo(options: DemoOptions): DemoData {
  checkOptions(options);
  const { seed, now, timeZone } = options;
  const root = new Random(seed);
  // One stream per part, so changing how plans are drawn leaves the year itself alone.
  const [castRng, timelineRng, checkinRng, planRng] = [
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
  ];
  const days = demoDays(now, timeZone);
  const cast = buildCast(castRng, now, timeZone);
  const events = buildTimeline(timelineRng, days, cast, now);
  const interactions = events.map((e) => e.interaction);
  return {
    // The cast's numbers are German, so a number typed without +49 should read as one.
    settings: { ...defaultSettings(timeZone), defaultRegion: 'DE' },
    connections: cast.connections,
    interactions,
    checkins: buildCheckIns(checkinRng, days, interactions, cast.connections, now),
    plans: buildPlans(planRng, events, cast, now, timeZone),
  };
}
