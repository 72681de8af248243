import { describe, expect, it } from 'vitest';
import { sinceText, statusLabel, touchOf } from './touch.js';

const status = (daysSinceContact: number, cadenceDays: number, lastContact: string | null) => ({
  connectionId: 'c',
  lastContact,
  daysSinceContact,
  cadenceDays,
  overdueRatio: daysSinceContact / cadenceDays,
});

describe('how far a connection has drifted against its cadence', () => {
  it('when under three quarters of the cadence has passed, they are in touch; from three quarters, due soon', () => {
    expect(touchOf(0)).toBe('in-touch');
    expect(touchOf(0.74)).toBe('in-touch');
    expect(touchOf(0.75)).toBe('due-soon');
    expect(touchOf(0.99)).toBe('due-soon');
  });

  it('when the cadence is reached they are due, and at twice the cadence they are losing touch', () => {
    expect(touchOf(1)).toBe('overdue');
    expect(touchOf(1.99)).toBe('overdue');
    expect(touchOf(2)).toBe('losing-touch');
    expect(touchOf(40)).toBe('losing-touch');
  });

  it('when someone was never contacted and is not yet due, they are "not due yet", not "in touch"', () => {
    expect(statusLabel(status(3, 7, null))).toBe('Not due yet');
    expect(statusLabel(status(6, 7, null))).toBe('Not due yet');
    expect(statusLabel(status(7, 7, null))).toBe('Due');
    expect(statusLabel(status(3, 7, '2026-11-23'))).toBe('In touch');
  });

  it('says the days since contact in words, and when someone was added if never in touch', () => {
    expect(sinceText(status(0, 7, '2026-11-26'))).toBe('In touch today');
    expect(sinceText(status(1, 7, '2026-11-25'))).toBe('1 day since contact');
    expect(sinceText(status(12, 7, '2026-11-14'))).toBe('12 days since contact');
    expect(sinceText(status(0, 7, null))).toBe('No contact yet (added today)');
    expect(sinceText(status(3, 7, null))).toBe('No contact yet (added 3 days ago)');
  });
});
