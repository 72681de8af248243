import { parse } from '../args.js';
import { withApi } from '../context.js';
import type { Output } from '../output.js';

export const INSIGHTS_HELP = `Usage:
  tend insights [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--all] [--json]

What goes with calmer days in your own log (default: the last 365 days):
stress on days with and without each kind of contact, with a 95% interval
and the number of days on each side. These are associations, not causes.
Insights with too little data are withheld; --all lists them with the reason.`;

const fmt = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));

export async function insightsCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('insights', argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    all: { type: 'boolean', default: false },
  });
  if (values.help) {
    out.result({ usage: INSIGHTS_HELP }, () => INSIGHTS_HELP);
    return;
  }
  await withApi(values, async (api) => {
    const report = await api.call('getInsights', {
      query: { from: values.from, to: values.to },
    });
    out.result(report, () => {
      const lines = [
        `Insights, ${report.from} to ${report.to} (${report.stressDays} days with a check-in)`,
        '',
      ];
      if (report.shown.length === 0)
        lines.push('Nothing to show yet: keep logging and checking in.');
      for (const i of report.shown) {
        lines.push(
          `• ${i.title}`,
          `  stress ${fmt(i.difference)} points (95% interval ${fmt(i.ci95.lower)} to ${fmt(i.ci95.upper)}); ${i.with.days} days with, ${i.without.days} without`,
          `  ${i.summary}`,
        );
      }
      if (values.all && report.withheld.length) {
        lines.push('', 'Withheld:');
        for (const w of report.withheld) lines.push(`  • ${w.title}: ${w.reason}`);
      } else if (report.withheld.length) {
        lines.push('', `${report.withheld.length} more withheld for thin data (--all lists them).`);
      }
      lines.push('', report.note);
      return lines.join('\n');
    });
  });
}
