import { CHANNELS, INTERACTION_KINDS } from '../../core/common.schemas.js';
import type { Connection } from '../../core/connections.schemas.js';
import { intOption, parse } from '../args.js';
import { withApi } from '../context.js';
import { type Output, UsageError } from '../output.js';
import { formatLocal, resolveConnection } from '../resolve.js';
import { parseWhen } from '../when.js';

export const LOG_HELP = `Usage:
  tend log NAME [NAME...] [--channel ${CHANNELS.join('|')}]
           [--kind KIND]... [--minutes N] [--delight 1-5] [--note TEXT] [--at WHEN]

Logs time together. NAME is a name (or the start of one) from \`tend people list\`.
Kinds: ${INTERACTION_KINDS.join(', ')} (default conversation).
WHEN is an ISO instant, or a local "YYYY-MM-DD HH:MM", or "HH:MM" today; default now.

Example:
  tend log Sam --channel in_person --kind shared_meal --minutes 90 --delight 5`;

export async function logCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parse('log', argv, {
    channel: { type: 'string', short: 'c', default: 'in_person' },
    kind: { type: 'string', short: 'k', multiple: true },
    minutes: { type: 'string', short: 'm' },
    delight: { type: 'string', short: 'd' },
    note: { type: 'string', short: 'n' },
    at: { type: 'string' },
  });
  if (values.help) {
    out.result({ usage: LOG_HELP }, () => LOG_HELP);
    return;
  }
  if (positionals.length === 0)
    throw new UsageError('Say who the time was with: tend log NAME', LOG_HELP);
  const durationMinutes = intOption('minutes', values.minutes, 0, 10_080) ?? null;
  const delight = intOption('delight', values.delight, 1, 5) ?? null;
  await withApi(values, async (api) => {
    const people: Connection[] = [];
    for (const name of positionals) people.push(await resolveConnection(api, name));
    const { timeZone } = await api.call('getSettings');
    const interaction = await api.call('createInteraction', {
      body: {
        startedAt: values.at ? parseWhen(values.at, timeZone, api.now()) : api.now().toISOString(),
        connectionIds: [...new Set(people.map((p) => p.id))],
        channel: values.channel,
        kinds: values.kind ?? ['conversation'],
        durationMinutes,
        delight,
        note: values.note ?? '',
      },
    });
    out.result(
      interaction,
      () =>
        `Logged ${interaction.channel.replace('_', ' ')} time with ${people.map((p) => p.name).join(', ')} on ${formatLocal(interaction.startedAt, timeZone)} (${interaction.kinds.join(', ')}${interaction.durationMinutes ? `, ${interaction.durationMinutes} min` : ''}).`,
    );
  });
}
