import type { Connection, ImportantDate } from '../../core/connections.schemas.js';
import { intOption, parse } from '../args.js';
import { withApi } from '../context.js';
import { type Output, table, UsageError } from '../output.js';
import { formatLocal, resolveConnection } from '../resolve.js';

export const PEOPLE_HELP = `Usage:
  tend people add NAME [--ring inner|close|friends|wider] [--pet] [--cadence DAYS]
                       [--joy TEXT]... [--phone NUMBER]... [--email ADDRESS]...
                       [--birthday MM-DD|YYYY-MM-DD] [--notes TEXT] [--draining]
  tend people list [--ring RING]
  tend people show NAME|ID

Examples:
  tend people add "Sam Okafor" --ring inner --joy "trail running" --birthday 1990-04-12
  tend people add Biscuit --pet --ring inner
  tend people list --json`;

function parseBirthday(value: string): ImportantDate {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new UsageError(`--birthday must be MM-DD or YYYY-MM-DD, not "${value}".`);
  return {
    kind: 'birthday',
    month: Number(m[2]),
    day: Number(m[3]),
    ...(m[1] ? { year: Number(m[1]) } : {}),
  };
}

function describe(c: Connection): string {
  const lines = [
    `${c.name}${c.kind === 'pet' ? ' (pet)' : ''}`,
    `  ring: ${c.ring}, hoped-for contact every ${c.cadenceDays} days${c.draining ? ', marked as draining' : ''}`,
  ];
  if (c.sharedJoys.length) lines.push(`  shared joys: ${c.sharedJoys.join(', ')}`);
  for (const d of c.importantDates) {
    const date = `${d.year ? `${d.year}-` : ''}${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    lines.push(`  ${d.label ?? d.kind}: ${date}`);
  }
  if (c.handles.phones.length) lines.push(`  phone: ${c.handles.phones.join(', ')}`);
  if (c.handles.emails.length) lines.push(`  email: ${c.handles.emails.join(', ')}`);
  if (c.notes) lines.push(`  notes: ${c.notes}`);
  lines.push(`  id: ${c.id}`);
  return lines.join('\n');
}

export async function peopleCommand(argv: string[], out: Output): Promise<void> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(`people ${sub ?? ''}`.trim(), rest, {
    ring: { type: 'string' },
    pet: { type: 'boolean', default: false },
    cadence: { type: 'string' },
    joy: { type: 'string', multiple: true },
    phone: { type: 'string', multiple: true },
    email: { type: 'string', multiple: true },
    birthday: { type: 'string' },
    notes: { type: 'string' },
    draining: { type: 'boolean', default: false },
  });
  if (values.help || !sub) {
    out.result({ usage: PEOPLE_HELP }, () => PEOPLE_HELP);
    return;
  }
  await withApi(values, async (api) => {
    switch (sub) {
      case 'add': {
        const name = positionals.join(' ').trim();
        if (!name) throw new UsageError('Give the name: tend people add NAME');
        const created = await api.call('createConnection', {
          body: {
            name,
            kind: values.pet ? 'pet' : 'person',
            ...(values.ring ? { ring: values.ring } : {}),
            ...(values.cadence
              ? { cadenceDays: intOption('cadence', values.cadence, 1, 3650) }
              : {}),
            sharedJoys: values.joy ?? [],
            handles: { phones: values.phone ?? [], emails: values.email ?? [] },
            importantDates: values.birthday ? [parseBirthday(values.birthday)] : [],
            notes: values.notes ?? '',
            draining: values.draining,
          },
        });
        out.result(created, () => `Added ${describe(created)}`);
        return;
      }
      case 'list': {
        const all: Connection[] = [];
        for (let cursor: string | undefined; ; ) {
          const page = await api.call('listConnections', {
            query: { limit: 500, cursor, ring: values.ring },
          });
          all.push(...page.items);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        out.result(all, () =>
          all.length === 0
            ? 'No one yet. Add someone: tend people add NAME'
            : table([
                ['NAME', 'KIND', 'RING', 'CADENCE'],
                ...all.map((c) => [c.name, c.kind, c.ring, `${c.cadenceDays} d`]),
              ]),
        );
        return;
      }
      case 'show': {
        const text = positionals.join(' ').trim();
        if (!text) throw new UsageError('Say who: tend people show NAME');
        const c = await resolveConnection(api, text);
        const [recent, { timeZone }] = await Promise.all([
          api.call('listInteractions', { query: { connectionId: c.id, limit: 5 } }),
          api.call('getSettings'),
        ]);
        out.result({ ...c, recentInteractions: recent.items }, () =>
          [
            describe(c),
            recent.items.length ? '  recent:' : '  no time together logged yet',
            ...recent.items.map(
              (i) =>
                `    ${formatLocal(i.startedAt, timeZone)}  ${i.channel}  ${i.kinds.join(', ')}${i.durationMinutes ? `  ${i.durationMinutes} min` : ''}`,
            ),
          ].join('\n'),
        );
        return;
      }
      default:
        throw new UsageError(`Unknown people command "${sub}".`, PEOPLE_HELP);
    }
  });
}
