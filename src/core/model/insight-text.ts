import type { Channel, InteractionKind } from '../common.schemas.js';
import type { InsightFactor, InsightGroup, InsightTiming } from './insights.js';

/** The words of the insights, kept apart from the arithmetic. */

export const INSIGHT_METHOD =
  'Welch two-sample t interval (Welch–Satterthwaite degrees of freedom), 95%, on day-level mean stress';

export const INSIGHTS_NOTE =
  'These are associations in your own log, not causes: a calm day may make meeting people easier as much as the other way round. Tend compares many things at once, and about 1 in 20 of 95% intervals can miss zero by chance alone; trust patterns that hold up over months.';

const CHANNEL_LABEL: Record<Channel, string> = {
  in_person: 'in-person contact',
  video: 'a video call',
  voice: 'a voice call',
  text: 'text messages',
  social: 'social-media contact',
};

const KIND_LABEL: Record<InteractionKind, string> = {
  conversation: 'a conversation',
  shared_meal: 'a shared meal',
  shared_activity: 'a shared activity',
  physical_affection: 'physical affection',
  support_given: 'giving support',
  support_received: 'receiving support',
  pet_time: 'time with a pet',
};

export function labelOf(f: InsightFactor): string {
  switch (f.type) {
    case 'social':
      return 'contact with people';
    case 'channel':
      return CHANNEL_LABEL[f.channel];
    case 'kind':
      return KIND_LABEL[f.kind];
    case 'connection':
      return `contact with ${f.name}`;
  }
}

const one = (v: number) => v.toFixed(1);

export function summarize(
  label: string,
  timing: InsightTiming,
  w: InsightGroup,
  wo: InsightGroup,
  diff: number,
  lower: number,
  upper: number,
): string {
  const on = timing === 'same-day' ? `On days with ${label}` : `On the day after ${label}`;
  const off = timing === 'same-day' ? 'on days without' : 'after days without';
  const clear =
    lower > 0 || upper < 0
      ? ''
      : ' The interval includes zero, so there is no clear difference yet.';
  return `${on}, your stress averaged ${one(w.meanStress)} out of 10, against ${one(wo.meanStress)} ${off} (${w.days} and ${wo.days} days). Difference ${one(diff)} (95% CI ${one(lower)} to ${one(upper)}).${clear} Association, not cause.`;
}
