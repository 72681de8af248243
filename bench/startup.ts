/**
 * Start-up benchmark: how long `tend serve` takes from spawn to a healthy
 * answer, on an empty data directory and on one holding the demo year, and
 * how long a quick CLI command takes. Not a test: it reports, never asserts.
 *
 *   npm run build && npx tsx bench/startup.ts [runs]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));
const runs = Number(process.argv[2] ?? 10);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timeServerStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--json', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: undefined },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const res = await fetch(`${url}/healthz`);
  if (res.status !== 200) throw new Error(`health ${res.status}`);
  const elapsed = performance.now() - started;
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
  return elapsed;
}

function timeCommand(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [BIN, ...args], {
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: undefined },
  });
  return performance.now() - started;
}

const empty = mkdtempSync(join(tmpdir(), 'tend-bench-empty-'));
const demo = mkdtempSync(join(tmpdir(), 'tend-bench-demo-'));
try {
  const demoStart = performance.now();
  execFileSync(process.execPath, [BIN, 'demo', '--data-dir', demo], { stdio: 'ignore' });
  const demoMs = performance.now() - demoStart;
  const first = await timeServerStart(empty); // creates and migrates the database
  const emptyRuns: number[] = [];
  const demoRuns: number[] = [];
  const listRuns: number[] = [];
  const helpRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    emptyRuns.push(await timeServerStart(empty));
    demoRuns.push(await timeServerStart(demo));
    listRuns.push(timeCommand(['people', 'list', '--data-dir', demo]));
    helpRuns.push(timeCommand(['--help']));
  }
  const rows = [
    ['tend demo (write the demo year)', demoMs],
    ['tend serve, first start (creates + migrates)', first],
    [`tend serve → healthy, empty data dir (median of ${runs})`, median(emptyRuns)],
    [`tend serve → healthy, demo year (median of ${runs})`, median(demoRuns)],
    [`tend people list, demo year (median of ${runs})`, median(listRuns)],
    [`tend --help (median of ${runs})`, median(helpRuns)],
  ] as const;
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  for (const [what, ms] of rows) console.log(`${what.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
} finally {
  rmSync(empty, { recursive: true, force: true });
  rmSync(demo, { recursive: true, force: true });
}
