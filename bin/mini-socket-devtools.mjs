#!/usr/bin/env node
// The `mini-socket-devtools` command: loads the built command line (out/main/cli.js, `npm run build`).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('mini-socket-devtools is not built yet: run `npm run build` first.');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exit(await main(process.argv.slice(2)));
