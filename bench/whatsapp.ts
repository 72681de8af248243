/**
 * WhatsApp import benchmark: Tend's streaming parser against
 * `whatsapp-chat-parser` on one generated Android (24-hour) export. Each side
 * runs in its own child process so peak RSS is its own. Not a test: it
 * reports, never asserts.
 *
 *   npx tsx bench/whatsapp.ts [messages=1000000]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseString } from 'whatsapp-chat-parser';
import { parseWhatsApp } from '../src/importers/whatsapp.js';

const RUNS = 3;
const SENDERS = ['Ana Lima', 'Ben Okafor', 'Sam Rivera', '+49 151 23456789'];
const WORDS = 'see you at the park tomorrow, bring coffee and the dog please thanks'.split(' ');

interface SideResult {
  times: number[];
  messages: number;
  readMs?: number;
  maxRssMiB: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Writes `count` messages; about one in eight spans two or three lines. */
async function generate(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  let time = Date.UTC(2021, 0, 1, 8, 0);
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let block: string[] = [];
  for (let i = 0; i < count; i++) {
    time += (1 + random(240)) * 60_000;
    const d = new Date(time);
    const stamp = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const words = Array.from({ length: 3 + random(12) }, () => WORDS[random(WORDS.length)]);
    let text = words.join(' ');
    if (random(8) === 0) text += `\n${words.slice(2).join(' ')}${random(2) ? '\nand more' : ''}`;
    block.push(`${stamp} - ${SENDERS[random(SENDERS.length)]}: ${text}\n`);
    if (block.length === 10_000) {
      if (!out.write(block.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      block = [];
    }
  }
  out.end(block.join(''));
  await new Promise<void>((r) => out.once('finish', () => r()));
}

const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;

async function runTend(path: string): Promise<SideResult> {
  const times: number[] = [];
  let messages = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    messages = 0;
    const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    for await (const _ of parseWhatsApp(stream, { self: ['Sam Rivera'] })) messages++;
    times.push(performance.now() - started);
  }
  return { times, messages, maxRssMiB: maxRssMiB() };
}

function runReference(path: string): SideResult {
  const times: number[] = [];
  let messages = 0;
  const readStarted = performance.now();
  const text = readFileSync(path, 'utf8');
  const readMs = performance.now() - readStarted;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    messages = parseString(text, { daysFirst: true }).length;
    times.push(performance.now() - started);
  }
  return { times, messages, readMs, maxRssMiB: maxRssMiB() };
}

function child(side: string, path: string): SideResult {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, self, '--child', side, path], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${side} child failed with ${result.status}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as SideResult;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [side, path] = process.argv.slice(3);
    const result = side === 'tend' ? await runTend(path ?? '') : runReference(path ?? '');
    console.log(JSON.stringify(result));
    return;
  }
  const count = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'tend-wa-bench-'));
  const path = join(dir, 'WhatsApp Chat with Bench.txt');
  try {
    await generate(path, count);
    const tend = child('tend', path);
    const reference = child('reference', path);
    const row = (label: string, r: SideResult) => {
      const ms = median(r.times);
      const read = r.readMs === undefined ? 'streamed' : `${r.readMs.toFixed(0)} ms read first`;
      return `| ${label} | ${r.messages} | ${ms.toFixed(0)} | ${Math.round((r.messages / ms) * 1000).toLocaleString('en')} | ${r.maxRssMiB.toFixed(0)} | ${read} |`;
    };
    const speedup = median(reference.times) / median(tend.times);
    console.log(
      `\nWhatsApp export of ${count.toLocaleString('en')} messages, median of ${RUNS} runs\n`,
    );
    console.log('| parser | messages | median ms | messages/s | peak RSS MiB | input |');
    console.log('|---|---:|---:|---:|---:|---|');
    console.log(row('Tend parseWhatsApp (stream)', tend));
    console.log(row('whatsapp-chat-parser parseString', reference));
    console.log(
      `\nTend is ${speedup.toFixed(2)}× as fast (${speedup >= 2 ? 'meets' : 'misses'} the ≥ 2× goal).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
