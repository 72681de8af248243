import { parse } from '../args.js';
import { withApi } from '../context.js';
import type { Output } from '../output.js';

export const TODAY_HELP = `Usage:
  tend today [--json]

A short summary of today: your four states, any alerts, birthdays and dates
coming up, and whom you might reach out to. The states are behavioural
proxies computed from what you log, not measurements, and not medical advice.`;

const bar = (value: number) => {
  const filled = Math.round(value / 10);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
};

const share = (value: number | null) =>
  value === null ? 'no social time logged' : `${Math.round(value * 100)}% in person`;

export async function todayCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('today', argv, {});
  if (values.help) {
    out.result({ usage: TODAY_HELP }, () => TODAY_HELP);
    return;
  }
  await withApi(values, async (api) => {
    const report = await api.call('getToday');
    out.result(report, () => {
      const s = report.state;
      const lines = [
        `Today, ${report.date}`,
        '',
        `  Everyday connection  ${bar(s.everyday)}  ${Math.round(s.everyday)}`,
        `  Deep bond            ${bar(s.deepBond)}  ${Math.round(s.deepBond)}`,
        `  Isolation load       ${bar(s.isolationLoad)}  ${Math.round(s.isolationLoad)}`,
        `  Technology balance   7 days: ${share(s.technologyBalance.last7.inPersonShare)}; 30 days: ${share(s.technologyBalance.last30.inPersonShare)}`,
      ];
      for (const a of report.alerts) {
        lines.push(
          '',
          `${a.strength === 'strong' ? '!!' : '!'} ${a.title}`,
          `  ${a.message}`,
          `  → ${a.suggestion}`,
        );
        if (a.help) lines.push(`  ${a.help}`);
      }
      if (report.reachOut.length) {
        lines.push('', 'Reach out:');
        for (const r of report.reachOut) lines.push(`  • ${r.text}`);
      }
      if (report.dates.length) {
        lines.push('', 'Coming up:');
        for (const d of report.dates) lines.push(`  • ${d.text}`);
      }
      if (!report.checkedInToday) {
        lines.push('', 'No check-in yet today: tend checkin --stress 0-10 --loneliness 0-10');
      }
      if (report.hidden)
        lines.push(
          '',
          `(${report.hidden} snoozed or dismissed nudge${report.hidden > 1 ? 's' : ''} hidden)`,
        );
      return lines.join('\n');
    });
  });
}
