#!/usr/bin/env node
// The `tend` command. It runs the compiled CLI; `npm install` builds it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'tend: the CLI is not built yet. Run `npm install` (or `npm run build`) in the Tend folder.\n',
  );
  process.exit(1);
}
// `tend export | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
