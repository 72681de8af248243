import { createInvite } from '../../app/accounts.usecases.js';
import { invitesRepository } from '../../storage/accounts.repository.js';
import { openDatabase } from '../../storage/database.js';
import { intOption, parse } from '../args.js';
import { type Output, UsageError } from '../output.js';

export const INVITE_HELP = `Usage:
  tend invite [create] [--note TEXT] [--days 14]
  tend invite list
  tend invite revoke ID

For the operator of a hosted Tend (TEND_MODE=hosted, TEND_SIGNUP=invite):
makes a one-time sign-up code, valid for --days days (default 14). The code is
shown once; only its hash is stored. Run it where the server's DATABASE_URL
(or --data-dir) is set. With TEND_PUBLIC_URL set, a ready sign-up link is
printed too.`;

export async function inviteCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parse('invite', argv, {
    note: { type: 'string' },
    days: { type: 'string' },
  });
  if (values.help) {
    out.result({ usage: INVITE_HELP }, () => INVITE_HELP);
    return;
  }
  const [action = 'create', id] = positionals;
  if (!['create', 'list', 'revoke'].includes(action)) {
    throw new UsageError(`Unknown invite action "${action}".`, 'Run `tend invite --help`.');
  }
  if (action === 'revoke' && !id) throw new UsageError('Say which invite: tend invite revoke ID.');
  const days = intOption('days', values.days, 1, 365);
  const database = await openDatabase({
    dataDir: values['data-dir'],
    databaseUrl: process.env.DATABASE_URL,
  });
  try {
    const clock = () => new Date();
    if (action === 'list') {
      const invites = await invitesRepository(database.db).list();
      const now = clock().toISOString();
      out.result({ items: invites }, () =>
        invites.length === 0
          ? 'No invites yet. Make one with: tend invite --note "for Sam"'
          : invites
              .map(
                (i) =>
                  `${i.id}  ${i.used_at ? `used ${i.used_at.slice(0, 10)}` : i.expires_at <= now ? 'expired' : `open until ${i.expires_at.slice(0, 10)}`}  ${i.note}`,
              )
              .join('\n'),
      );
      return;
    }
    if (action === 'revoke') {
      const removed = await invitesRepository(database.db).delete(id ?? '');
      if (!removed) throw new UsageError(`No invite with id ${id}.`, 'See `tend invite list`.');
      out.result({ revoked: id }, () => `Invite ${id} revoked.`);
      return;
    }
    const invite = await createInvite(
      { database, clock },
      { note: values.note ?? '', ...(days ? { days } : {}) },
    );
    const base = process.env.TEND_PUBLIC_URL?.replace(/\/+$/, '');
    // In the fragment, so the code never reaches a server's or proxy's access log.
    const link = base ? `${base}/signup#invite=${encodeURIComponent(invite.code)}` : undefined;
    out.result({ ...invite, ...(link ? { link } : {}) }, () =>
      [
        `Invite code (shown once): ${invite.code}`,
        link ? `Sign-up link: ${link}` : 'Set TEND_PUBLIC_URL to get a ready sign-up link.',
        `Valid until ${invite.expiresAt.slice(0, 10)}; it works once.`,
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}
