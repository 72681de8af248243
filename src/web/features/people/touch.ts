import type { ContactStatusItem } from '../../shared/types.js';

/** How the time since the last contact compares with the cadence someone asked for. */
export type Touch = 'in-touch' | 'due-soon' | 'overdue' | 'losing-touch';

/** Mildest first; each has words as well as a colour. */
export const TOUCH_LEVELS: readonly { value: Touch; label: string; meaning: string }[] = [
  { value: 'in-touch', label: 'In touch', meaning: 'less than three quarters of the cadence gone' },
  { value: 'due-soon', label: 'Due soon', meaning: 'three quarters of the cadence or more' },
  { value: 'overdue', label: 'Due', meaning: 'the cadence is up, or a little past' },
  { value: 'losing-touch', label: 'Losing touch', meaning: 'twice the cadence or more' },
];

/** The server's overdue ratio (days since contact ÷ cadence; 1 = due today) as a level. */
export function touchOf(overdueRatio: number): Touch {
  if (overdueRatio >= 2) return 'losing-touch';
  if (overdueRatio >= 1) return 'overdue';
  if (overdueRatio >= 0.75) return 'due-soon';
  return 'in-touch';
}

export const touchLabel = (touch: Touch) =>
  TOUCH_LEVELS.find((t) => t.value === touch)?.label ?? touch;

/** The level's words for one connection: someone never contacted is "not due yet", not "in touch". */
export function statusLabel(status: ContactStatusItem): string {
  const touch = touchOf(status.overdueRatio);
  return status.lastContact === null && touch !== 'overdue' && touch !== 'losing-touch'
    ? 'Not due yet'
    : touchLabel(touch);
}

/** "In touch today", "12 days since contact", or "No contact yet (added 3 days ago)". */
export function sinceText(status: ContactStatusItem): string {
  const days = status.daysSinceContact;
  if (status.lastContact === null) {
    return `No contact yet (added ${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`})`;
  }
  if (days === 0) return 'In touch today';
  return `${days} ${days === 1 ? 'day' : 'days'} since contact`;
}

export const cadenceText = (cadenceDays: number) =>
  cadenceDays === 1 ? 'every day' : `every ${cadenceDays} days`;
