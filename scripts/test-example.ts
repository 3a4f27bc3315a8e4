// `npm run test:example`: what is published is what is tested. Packs the package (prepack builds out/ with
// the fixture types), installs the tarball into examples/playwright as a user would (`npm i`; reinstalled
// only when the tarball's hash changed, Playwright's browser download skipped), runs the example's own
// `npm test` (typecheck + specs), then a deliberately failing spec to check the report carries sockets.har.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../e2e/harness/browser-path';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'playwright');
// The example's package.json names this exact file (a `file:` dependency).
const packDir = join(root, 'node_modules', '.cache', 'mini-socket-devtools-pack');
const tarball = join(packDir, 'mini-socket-devtools.tgz');
const installedHash = join(example, 'node_modules', '.mini-socket-devtools-tarball.sha256');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], options: SpawnSyncOptions = {}): ReturnType<typeof spawnSync> {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result;
}

function must(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const { status } = run(command, args, options);
  if (status !== 0) {
    console.error(`test:example: \`${command} ${args.join(' ')}\` exited with ${status}`);
    process.exit(1);
  }
}

const browser = findBrowser();
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...(browser ? { CHROMIUM_PATH: browser.path } : {}) };

const started = Date.now();
mkdirSync(packDir, { recursive: true });
const packed = run(npm, ['pack', '--json', '--pack-destination', packDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
if (packed.status !== 0) process.exit(1);
// stdout also carries prepack's build log; the JSON array is last.
const packJson = /\[\s*\{[\s\S]*\]\s*$/.exec(String(packed.stdout))?.[0] ?? '[]';
const filename = (JSON.parse(packJson) as { filename: string }[])[0]?.filename;
if (!filename) throw new Error(`npm pack printed no file name:\n${String(packed.stdout)}`);
renameSync(join(packDir, filename), tarball);
const hash = createHash('sha256').update(readFileSync(tarball)).digest('hex');
console.log(`test:example: packed ${filename} (sha256 ${hash.slice(0, 12)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (existsSync(installedHash) && readFileSync(installedHash, 'utf8') === hash) {
  console.log('test:example: the example already has this tarball installed');
} else {
  rmSync(join(example, 'node_modules'), { recursive: true, force: true });
  must(npm, ['install', '--no-audit', '--no-fund'], { cwd: example, env });
  writeFileSync(installedHash, hash);
}

// The installed package's hosts must run everything they ship: a session writer thread that cannot start only
// warns (the capture goes on in memory), so its message is looked for here.
const exampleRun = run(npm, ['test'], { cwd: example, env, stdio: ['inherit', 'inherit', 'pipe'] });
process.stderr.write(exampleRun.stderr);
if (exampleRun.status !== 0 || String(exampleRun.stderr).includes('writer thread failed')) {
  console.error(`test:example: the example's \`npm test\` exited with ${exampleRun.status}${String(exampleRun.stderr).includes('writer thread failed') ? ' and its session writer thread failed' : ''}`);
  process.exit(1);
}

const reportFile = join(example, 'test-results', 'failing-report.json');
const failing = run(npm, ['exec', '--', 'playwright', 'test', '--config', 'failing.config.ts', '--reporter=json'], {
  cwd: example,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
});
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { suites: { specs: { tests: { results: { status: string; attachments: { name: string; contentType: string; body?: string; path?: string }[] }[] }[] }[] }[] };
const result = report.suites[0]?.specs[0]?.tests[0]?.results[0];
const har = result?.attachments.find((attachment) => attachment.name === 'sockets.har');
const harText = har?.body ? Buffer.from(har.body, 'base64').toString('utf8') : har?.path ? readFileSync(har.path, 'utf8') : '';
const frames = harText ? (JSON.parse(harText) as { log: { entries: { _webSocketMessages?: unknown[] }[] } }).log.entries.length : 0;
if (failing.status === 0 || result?.status !== 'failed' || !har || har.contentType !== 'application/json' || frames < 1) {
  console.error(`test:example: the failing spec should fail with a sockets.har attachment holding the connection (exit ${failing.status}, status ${result?.status}, attachment ${har ? 'present' : 'missing'}, ${frames} HAR entries)`);
  process.exit(1);
}
console.log(`test:example: a failed test carries sockets.har (${frames} connection); done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
