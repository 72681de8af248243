/**
 * Import benchmark through the real `tend import` command (a child process,
 * so its peak memory is its own): 10,000 vCards into an empty Tend, and a
 * WhatsApp export of one million messages from people Tend knows. Reports
 * wall time and peak RSS. Not a test: it reports, never asserts.
 *
 *   npm run build && npx tsx bench/import.ts [messages=1000000] [cards=10000]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row, seeded } from './support.js';

const BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));
const messages = Number(process.argv[2] ?? 1_000_000);
const cards = Number(process.argv[3] ?? 10_000);
const SENDERS = ['Ana Lima', 'Ben Okafor', 'Sam Rivera', 'Me'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Run `tend …` under GNU time: wall seconds and peak RSS in MiB. */
function timed(args: string[]): { seconds: number; maxRssMiB: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`tend ${args.join(' ')} failed: ${r.stderr}`);
  return {
    seconds: (performance.now() - started) / 1000,
    maxRssMiB: Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024,
  };
}

async function writeVCards(file: string) {
  const out = createWriteStream(file);
  for (let i = 0; i < cards; i++) {
    out.write(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i} Example\r\nN:Example;Person ${i};;;\r\nTEL;TYPE=CELL:+49 151 ${String(10_000_000 + i)}\r\nEMAIL:person${i}@example.org\r\nBDAY:19${pad(50 + (i % 50))}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}\r\nUID:bench-${i}\r\nEND:VCARD\r\n`,
    );
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function writeChat(file: string) {
  const random = seeded(42);
  const out = createWriteStream(file);
  let t = Date.UTC(2023, 0, 1, 8, 0);
  let buffer = '';
  for (let i = 0; i < messages; i++) {
    t += Math.floor(random() * 120_000);
    const d = new Date(t);
    const sender = SENDERS[Math.floor(random() * SENDERS.length)] ?? 'Me';
    buffer += `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} - ${sender}: message number ${i}${random() < 0.1 ? '\nand a second line' : ''}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
}

const work = mkdtempSync(join(tmpdir(), 'tend-bench-import-'));
try {
  const vcf = join(work, 'contacts.vcf');
  await writeVCards(vcf);
  const contactsDir = join(work, 'contacts-data');
  const contacts = timed(['import', vcf, '--data-dir', contactsDir, '--json']);

  const chat = join(work, 'WhatsApp Chat with Friends.txt');
  await writeChat(chat);
  const chatDir = join(work, 'chat-data');
  const people = join(work, 'people.vcf');
  writeFileSync(
    people,
    SENDERS.filter((s) => s !== 'Me')
      .map((s) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${s}\r\nEND:VCARD\r\n`)
      .join(''),
  );
  timed(['import', people, '--data-dir', chatDir]);
  const whatsapp = timed(['import', chat, '--data-dir', chatDir, '--self', 'Me', '--json']);

  console.log(`node ${process.version}; tend import in a child process; peak RSS from GNU time\n`);
  console.log(row(['import', 'file size', 'wall time', 'peak RSS']));
  console.log(row(['---', '---:', '---:', '---:']));
  console.log(
    row([
      `${cards.toLocaleString('en')} vCards → empty Tend`,
      `${(statSync(vcf).size / 1024 / 1024).toFixed(1)} MiB`,
      `${contacts.seconds.toFixed(1)} s`,
      `${contacts.maxRssMiB.toFixed(0)} MiB`,
    ]),
  );
  console.log(
    row([
      `WhatsApp, ${messages.toLocaleString('en')} messages, 3 people`,
      `${(statSync(chat).size / 1024 / 1024).toFixed(1)} MiB`,
      `${whatsapp.seconds.toFixed(1)} s`,
      `${whatsapp.maxRssMiB.toFixed(0)} MiB`,
    ]),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
