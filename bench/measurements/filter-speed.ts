// 5. Filter speed: text and regex filter over 1,000,000 captured entries with the panel's real filter.
import type { FilterSpeedInput, FilterSpeedResult } from '../children/filter-speed';
import { runChildScript } from '../harness/child-script';
import { describeHotspots } from '../harness/cpu-profile';
import type { BenchContext, Measurement, MeasurementOutput, ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';

const TARGET_MS = 100;
/** The panel's main thread is never held longer than this by the filter (built in slices). */
const SLICE_TARGET_MS = 50;
const FILTERS = [
  { name: 'text', text: 'nvda' },
  { name: 'regex', text: '"price":1\\d\\d\\.9\\d' },
  { name: 'literal fallback', text: '"symbol":"tsla"(' },
];

export const filterSpeed: Measurement = {
  name: 'filter',
  title: 'Filter speed',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const entries = context.quick ? 200_000 : 1_000_000;
    const repetitions = Math.max(5, context.runs);
    const result = await runChildScript<FilterSpeedResult>(context.root, 'filter-speed.ts', { entries, repetitions, filters: FILTERS } satisfies FilterSpeedInput, { timeoutMs: 180_000 });
    const missed = result.filters.some((filter) => summarize(filter.productMs).median > TARGET_MS);
    // Inlining off in the profiled child, so each function keeps its own self time.
    const profiled = missed
      ? await runChildScript<FilterSpeedResult>(context.root, 'filter-speed.ts', { entries, repetitions: 1, filters: FILTERS, profile: true } satisfies FilterSpeedInput, {
          nodeFlags: ['--enable-source-maps', '--no-turbo-inlining'],
          timeoutMs: 180_000,
        }).catch(() => undefined)
      : undefined;
    const rows: ResultRow[] = result.filters.flatMap((filter) => {
      const product = summarize(filter.productMs);
      context.log(`filter ${filter.name}: ${product.median.toFixed(1)} ms, ${filter.productRows} rows`);
      const cpuRow: ResultRow = {
        metric: `${filter.name} filter: CPU time of the process meanwhile (GC threads included; independent of the machine's load)`,
        unit: 'ms',
        product: summarize(filter.productCpuMs),
        baseline: { label: 'bare loop', summary: summarize(filter.baselineCpuMs) },
        ratio: summarize(filter.productCpuMs.map((ms, i) => ms / (filter.baselineCpuMs[i] as number))),
      };
      return [{
        metric: `${filter.name} filter \`${filter.text}\` (${filter.mode}), ${entries.toLocaleString('en-US')} entries → ${filter.productRows.toLocaleString('en-US')} rows`,
        unit: 'ms',
        product,
        baseline: { label: 'bare loop, same matcher on payload strings', summary: summarize(filter.baselineMs) },
        ratio: summarize(filter.productMs.map((ms, i) => ms / (filter.baselineMs[i] as number))),
        target: `≤ ${TARGET_MS} ms`,
        met: product.median <= TARGET_MS,
      }, cpuRow, {
        metric: `${filter.name} filter built in slices as the frame log does (${filter.slices} slices): longest main-thread slice`,
        unit: 'ms',
        product: summarize(filter.longestSliceMs),
        target: `≤ ${SLICE_TARGET_MS} ms`,
        met: summarize(filter.longestSliceMs).median <= SLICE_TARGET_MS,
      }];
    });
    const disagreements = result.filters.filter((filter) => filter.productRows !== filter.baselineRows);
    return {
      rows,
      notes: [
        `Product: updateFilteredIndex(null, ring, filters, ring.appended()) from renderer/frame-log/filter.ts over createEntryRing(${entries.toLocaleString('en-US')}) filled with entries parsed from JSON batches (as the bridge delivers them); text payloads of about 100 B of JSON. A from-scratch index is what typing a new filter costs; later frames are tested incrementally.`,
        `Measured in Node ${process.version} (V8), in a child process, ${repetitions} repetitions per filter alternating with the baseline; the panel runs the same function in Chromium's V8.`,
        'Baseline: a plain loop applying Chrome\'s rule in its plain form (a case-insensitive RegExp; when the text does not compile, lower-casing each payload and searching it) to an array of the payload strings; the product tests every searchable field of an entry (name, payload, error text, cause, connection id), walks the ring by position and matches a literal with a RegExp of the escaped text, so equal row counts also check that it finds what lower-casing finds.',
        disagreements.length === 0
          ? 'Both sides found the same number of rows for every filter.'
          : `Row counts differ (product also searches name/connection id): ${disagreements.map((filter) => `${filter.name} ${filter.productRows} vs ${filter.baselineRows}`).join('; ')}.`,
        `Heap of the child with the ring held: ${Math.round(result.heapMiB)} MiB.`,
        ...(profiled?.hotspots
          ? [`Where the time goes (another child, inlining off so each function keeps its own time, each filter once under a CPU profile; self time as a share): ${describeHotspots(profiled.hotspots)}.`]
          : []),
      ],
    };
  },
};
