// `npm run bench`: runs every measurement (or `--only` some), prints one table of product vs same-run
// baseline ratios, and writes it to bench/results/latest.md and latest.json. Partial or --quick runs only
// print the table and write bench/results/partial.json (git-ignored), so the committed results are a full run.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './harness/cli-args';
import { currentLoad, machineInfo } from './harness/machine-info';
import type { BenchContext, Measurement, MeasurementReport } from './harness/measurement';
import { renderMarkdown, type BenchResults } from './harness/results-table';
import { captureThroughput } from './measurements/capture-throughput';
import { debugging } from './measurements/debugging';
import { decoderCost } from './measurements/decoder-cost';
import { filterSpeed } from './measurements/filter-speed';
import { hardening } from './measurements/hardening';
import { memory } from './measurements/memory';
import { miniprogramView } from './measurements/miniprogram-view';
import { myLatency } from './measurements/my-latency';
import { panelThroughput } from './measurements/panel-throughput';
import { sessions } from './measurements/sessions';
import { startup } from './measurements/startup';
import { hotReload } from './measurements/hot-reload';
import { binarySessionFilter } from './measurements/binary-session-filter';
import { canvasDraw } from './measurements/canvas-draw';

const MEASUREMENTS: Measurement[] = [captureThroughput, panelThroughput, myLatency, memory, filterSpeed, startup, sessions, miniprogramView, hardening, debugging, decoderCost, hotReload, binarySessionFilter, canvasDraw];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const options = parseBenchArgs(process.argv.slice(2));
const unknown = (options.only ?? []).filter((name) => !MEASUREMENTS.some((measurement) => measurement.name === name));
if (unknown.length > 0) {
  console.error(`unknown measurement ${unknown.join(', ')}; known: ${MEASUREMENTS.map((measurement) => measurement.name).join(', ')}`);
  process.exit(2);
}
const selected = MEASUREMENTS.filter((measurement) => options.only === null || options.only.includes(measurement.name));
const context: BenchContext = { quick: options.quick, runs: options.runs, root, log: (line) => console.error(`[bench] ${line}`) };
const machine = machineInfo(root);
const reports: MeasurementReport[] = [];

for (const measurement of selected) {
  const begun = performance.now();
  const loadAtStart = currentLoad();
  context.log(`${measurement.title}…`);
  try {
    const output = await measurement.run(context);
    reports.push({ name: measurement.name, title: measurement.title, seconds: (performance.now() - begun) / 1000, load: [loadAtStart, currentLoad()], ...output });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`${measurement.title} failed: ${message}`);
    reports.push({ name: measurement.name, title: measurement.title, seconds: (performance.now() - begun) / 1000, load: [loadAtStart, currentLoad()], error: message.split('\n')[0] ?? message });
  }
}

const results: BenchResults = { machine, options, seconds: (performance.now() - started) / 1000, reports };
const markdown = renderMarkdown(results);
const full = !options.quick && options.only === null;
const base = join(root, 'bench', 'results', full ? 'latest' : 'partial');
await mkdir(dirname(base), { recursive: true });
if (full) await writeFile(`${base}.md`, markdown);
await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(markdown);
console.error(`[bench] wrote ${full ? `${base}.md and ` : ''}${base}.json`);
process.exitCode = reports.some((report) => report.error !== undefined) ? 1 : 0;
