import { describe, expect, it } from 'vitest';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { openDatabase } from '../src/storage/database.js';
import { runTend } from './support/cli.js';
import { createTestDatabase } from './support/databases.js';
import { inProcess, TestClient } from './support/http-client.js';

describe('tend invite, for the operator of a hosted Tend', () => {
  it('makes a one-time code that lets exactly one person sign up, lists and revokes invites', async () => {
    const test = await createTestDatabase('sqlite');
    await test.database.close();
    const dataDir = test.options.dataDir ?? '';
    try {
      const made = await runTend(['invite', '--note', 'for Sam', '--json', '--data-dir', dataDir], {
        TEND_PUBLIC_URL: 'https://tend.example.org',
      });
      expect(made.code).toBe(0);
      const invite = JSON.parse(made.stdout);
      expect(invite.code).toMatch(/^tend_i_/);
      expect(invite.link).toBe(`https://tend.example.org/signup#invite=${invite.code}`);

      const database = await openDatabase({ dataDir });
      try {
        const app = createApp({
          database,
          log: silentLogger,
          webDir: '/nonexistent',
          hosted: { config: hostedConfig({ signup: 'invite', passwordCost: 10 }) },
        });
        const sam = new TestClient(inProcess(app));
        expect(
          (await sam.signUp('sam@example.org', 'a fine long passphrase', invite.code)).status,
        ).toBe(201);
        const again = await new TestClient(inProcess(app)).call('POST', '/api/v1/account/signup', {
          email: 'kim@example.org',
          password: 'a fine long passphrase',
          invite: invite.code,
        });
        expect(again.status).toBe(403);
      } finally {
        await database.close();
      }

      const other = JSON.parse(
        (await runTend(['invite', '--days', '2', '--json', '--data-dir', dataDir])).stdout,
      );
      const listed = JSON.parse(
        (await runTend(['invite', 'list', '--json', '--data-dir', dataDir])).stdout,
      );
      expect(listed.items).toHaveLength(2);
      expect(
        listed.items.find((i: { note: string }) => i.note === 'for Sam').used_at,
      ).not.toBeNull();
      expect(JSON.stringify(listed)).not.toContain(invite.code);
      const revoked = await runTend(['invite', 'revoke', other.id, '--data-dir', dataDir]);
      expect(revoked.code).toBe(0);
      const missing = await runTend(['invite', 'revoke', other.id, '--data-dir', dataDir]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('No invite with id');
    } finally {
      await test.destroy();
    }
  });
});
