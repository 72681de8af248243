import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backup } from '../src/core/backup.schemas.js';
import { runTend } from './support/cli.js';

let dataDir: string;
const tend = (...args: string[]) =>
  runTend([...args, '--data-dir', dataDir], { TZ: 'Europe/Berlin' });

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Each test spawns the real binary several times; on a busy 2-core machine that takes a while.
describe('tend, as a person uses it in a terminal', { timeout: 60_000 }, () => {
  it('when run without a command, prints help and exits 0', async () => {
    const r = await runTend([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: tend COMMAND');
    expect(r.stdout).toMatch(/serve.*\n.*people/s);
  });

  it('when people are added, they are listed in name order and shown with their details', async () => {
    const added = await tend(
      'people',
      'add',
      'Sam Okafor',
      '--ring',
      'inner',
      '--joy',
      'trail running',
      '--birthday',
      '1990-04-12',
      '--email',
      'sam@example.org',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added Sam Okafor');
    expect((await tend('people', 'add', 'Biscuit', '--pet', '--ring', 'inner')).code).toBe(0);
    expect((await tend('people', 'add', 'Ada')).code).toBe(0);
    const list = await tend('people', 'list');
    expect(
      list.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s{2,}/)[0]),
    ).toEqual(['Ada', 'Biscuit', 'Sam Okafor']);
    const json = JSON.parse((await tend('people', 'list', '--json')).stdout);
    expect(json.map((c: { name: string; cadenceDays: number }) => [c.name, c.cadenceDays])).toEqual(
      [
        ['Ada', 180],
        ['Biscuit', 7],
        ['Sam Okafor', 7],
      ],
    );
    const show = await tend('people', 'show', 'sam');
    expect(show.stdout).toContain('shared joys: trail running');
    expect(show.stdout).toContain('birthday: 1990-04-12');
  });

  it('when time together is logged by first name, it is stored in the user’s zone and shown on their page', async () => {
    const r = await tend(
      'log',
      'Sam',
      '--channel',
      'in_person',
      '--kind',
      'shared_meal',
      '--minutes',
      '90',
      '--delight',
      '5',
      '--at',
      '2026-11-20 19:30',
      '--json',
    );
    expect(r.code).toBe(0);
    const logged = JSON.parse(r.stdout);
    expect(logged).toMatchObject({
      channel: 'in_person',
      kinds: ['shared_meal'],
      durationMinutes: 90,
      delight: 5,
      startedAt: '2026-11-20T18:30:00.000Z',
    });
    const show = await tend('people', 'show', 'Sam Okafor');
    expect(show.stdout).toMatch(/Fri, 20 Nov 2026, 19:30 +in_person +shared_meal +90 min/);
  });

  it('when a check-in is given, it is confirmed; when a rating is out of range, it says what to fix', async () => {
    const ok = await tend('checkin', '--stress', '6', '--loneliness', '3');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('stress 6/10, loneliness 3/10');
    const bad = await tend('checkin', '--stress', '12', '--loneliness', '3');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--stress must be between 0 and 10');
  });

  it('when a name is unknown or ambiguous, it fails on stderr and says what to do', async () => {
    const unknown = await tend('log', 'Nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No connection named "Nobody"');
    expect(unknown.stderr).toContain('tend people add');
    await tend('people', 'add', 'Sami');
    const ambiguous = await tend('log', 'Sa');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/could mean .*Sam Okafor.*Sami|could mean .*Sami.*Sam Okafor/);
  });

  it('when input breaks a rule, the error names the field and nothing is written', async () => {
    const before = JSON.parse((await tend('people', 'list', '--json')).stdout).length;
    const bad = await tend('people', 'add', 'Eve', '--ring', 'best');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ring: Invalid option/);
    expect(JSON.parse((await tend('people', 'list', '--json')).stdout)).toHaveLength(before);
    const unknownOption = await tend('log', 'Sam', '--colour', 'blue');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--colour'");
  });

  it('when exported, writes a complete, versioned backup that validates', async () => {
    const file = join(dataDir, 'backup.json');
    const r = await tend('export', '--format', 'json', '--output', file);
    expect(r.code).toBe(0);
    const backup = Backup.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(backup.version).toBe(1);
    expect(backup.connections.map((c) => c.name)).toContain('Biscuit');
    expect(backup.interactions).toHaveLength(1);
    expect(backup.checkins).toHaveLength(1);
    const stdout = await tend('export');
    expect(JSON.parse(stdout.stdout)).toMatchObject({ format: 'tend-backup', version: 1 });
  });

  it('when the demo is asked for on a fresh data directory, it writes a full year that exports completely', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'tend-demo-'));
    try {
      const r = await runTend(['demo', '--data-dir', demoDir, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.connections).toBeGreaterThanOrEqual(20);
      expect(summary.interactions).toBeGreaterThanOrEqual(1_300);
      expect(summary.checkins).toBeGreaterThanOrEqual(270);
      const backup = Backup.parse(
        JSON.parse((await runTend(['export', '--data-dir', demoDir])).stdout),
      );
      expect(backup.connections).toHaveLength(summary.connections);
      expect(backup.interactions).toHaveLength(summary.interactions);
      expect(backup.checkins).toHaveLength(summary.checkins);
      expect(backup.plans).toHaveLength(summary.plans);
      expect(backup.connections.some((c) => c.kind === 'pet')).toBe(true);
      const today = await runTend(['today', '--data-dir', demoDir]);
      expect(today.code, today.stderr).toBe(0);
      expect(today.stdout).toMatch(
        /Everyday connection .*\n.*Deep bond .*\n.*Isolation load .*\n.*Technology balance/,
      );
      expect(today.stdout).toContain('Reach out:');
      expect(today.stdout).toContain('Coming up:');
      const todayJson = JSON.parse(
        (await runTend(['today', '--json', '--data-dir', demoDir])).stdout,
      );
      expect(todayJson.alerts.length).toBeGreaterThan(0);
      const insights = await runTend(['insights', '--data-dir', demoDir]);
      expect(insights.code, insights.stderr).toBe(0);
      expect(insights.stdout).toMatch(
        /Stress on days with in-person contact\n {2}stress -\d\.\d points \(95% interval/,
      );
      expect(insights.stdout).toContain('Association, not cause');
      const again = await runTend(['demo', '--data-dir', demoDir]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('empty Tend');
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });

  it('when a contacts file is imported, a dry run writes nothing, the import adds people, and a second import adds no one', async () => {
    const file = join(dataDir, 'contacts.vcf');
    writeFileSync(
      file,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Vogt\r\nTEL:+49 30 1234567\r\nEND:VCARD\r\n',
    );
    const dry = await tend('import', file, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(dry.stdout).toContain('would create: 1 connections');
    const real = await tend('import', file);
    expect(real.stdout).toContain('created: 1 connections');
    const again = JSON.parse((await tend('import', file, '--json')).stdout);
    expect(again.created).toEqual({ connections: 0, interactions: 0 });
    const broken = join(dataDir, 'broken.ics');
    writeFileSync(broken, 'not a calendar');
    const bad = await tend('import', broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 1/);
  });

  it('when exported as CSV tables and vCards, the files hold every connection', async () => {
    const dir = join(dataDir, 'tables');
    const r = await tend('export', '--format', 'csv', '--output', dir);
    expect(r.code, r.stderr).toBe(0);
    const people = readFileSync(join(dir, 'connections.csv'), 'utf8').trim().split('\r\n');
    const listed = JSON.parse((await tend('people', 'list', '--json')).stdout);
    expect(people).toHaveLength(listed.length + 1);
    const vcf = await tend('export', '--format', 'vcard');
    expect(vcf.stdout.match(/BEGIN:VCARD/g)).toHaveLength(listed.length);
  });

  it('when asked to serve beyond this machine, refuses and explains why', async () => {
    const r = await tend('serve', '--host', '0.0.0.0', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only listens on this machine');
  });
});
