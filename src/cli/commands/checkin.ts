import { intOption, parse } from '../args.js';
import { withApi } from '../context.js';
import { type Output, UsageError } from '../output.js';
import { formatLocal } from '../resolve.js';
import { parseWhen } from '../when.js';

export const CHECKIN_HELP = `Usage:
  tend checkin --stress 0-10 --loneliness 0-10 [--mood TEXT] [--note TEXT] [--at WHEN]

Two quick self-ratings, 0 (not at all) to 10 (extremely). They are for your own
tracking, not a diagnosis. If you are struggling, please reach out to someone
you trust or to a local crisis line.

Example:
  tend checkin --stress 6 --loneliness 3 --mood tired`;

export async function checkinCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('checkin', argv, {
    stress: { type: 'string', short: 's' },
    loneliness: { type: 'string', short: 'l' },
    mood: { type: 'string' },
    note: { type: 'string', short: 'n' },
    at: { type: 'string' },
  });
  if (values.help) {
    out.result({ usage: CHECKIN_HELP }, () => CHECKIN_HELP);
    return;
  }
  const stress = intOption('stress', values.stress, 0, 10);
  const loneliness = intOption('loneliness', values.loneliness, 0, 10);
  if (stress === undefined || loneliness === undefined) {
    throw new UsageError(
      'Give both ratings: tend checkin --stress 0-10 --loneliness 0-10',
      CHECKIN_HELP,
    );
  }
  await withApi(values, async (api) => {
    const { timeZone } = await api.call('getSettings');
    const checkIn = await api.call('createCheckIn', {
      body: {
        stress,
        loneliness,
        ...(values.at ? { at: parseWhen(values.at, timeZone, api.now()) } : {}),
        ...(values.mood ? { mood: values.mood } : {}),
        note: values.note ?? '',
      },
    });
    out.result(
      checkIn,
      () =>
        `Checked in at ${formatLocal(checkIn.at, timeZone)}: stress ${stress}/10, loneliness ${loneliness}/10.`,
    );
  });
}
