// Filter speed: the panel's real frame-log filter (renderer/frame-log/filter.ts, updateFilteredIndex from
// scratch, as when the user types a new filter) over 1,000,000 entries held in the panel's entry ring,
// vs a bare loop testing the same matcher on the payload strings alone; and the same index built in
// slices as the frame log builds it (one FILTER_SLICE_MS deadline per task), for the longest slice.
import type { CaptureEntry } from '../../shared/capture';
import { createEntryRing } from '../../renderer/capture/entry-ring';
import { FILTER_SLICE_MS, updateFilteredIndex, type FilteredIndex } from '../../renderer/frame-log/filter';
import { NO_FILTERS } from '../../renderer/store/log-filters';
import type { ProfileHotspot } from '../harness/cpu-profile';
import { answer, childInput, cpuMicrosSince } from './child-io';
import { startInProcessProfile } from './in-process-profile';

export interface FilterSpeedInput {
  entries: number;
  repetitions: number;
  filters: { name: string; text: string }[];
  /** After measuring, run each filter once more under a CPU profile (run with --enable-source-maps). */
  profile?: boolean;
}

/** Per filter: ms of each repetition, and rows found by both sides (they must agree). */
export interface FilterSpeedResult {
  filters: {
    name: string;
    text: string;
    mode: string;
    productMs: number[];
    /** CPU ms of this process (all threads, GC included) during each product run. */
    productCpuMs: number[];
    baselineMs: number[];
    baselineCpuMs: number[];
    /** Built in slices as the frame log does: the longest call, and how many calls it took. */
    longestSliceMs: number[];
    slices: number;
    productRows: number;
    baselineRows: number;
  }[];
  heapMiB: number;
  hotspots?: ProfileHotspot[];
}

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOG', 'META', 'TSLA', 'BABA'];
const BATCH = 512;

/** About 100 B of JSON, like a market-data or chat app sends. */
function payloadOf(seq: number): string {
  const head = `{"seq":${seq},"type":"tick","symbol":"${SYMBOLS[seq % SYMBOLS.length]}","price":${(100 + (seq % 9973) / 100).toFixed(2)},"pad":"`;
  return `${head}${'x'.repeat(Math.max(0, 98 - head.length))}"}`;
}

/** Entries as the panel holds them: parsed from JSON batches, like the bridge delivers them. */
function makeBatch(from: number, count: number): CaptureEntry[] {
  const batch: CaptureEntry[] = [];
  for (let seq = from; seq < from + count; seq += 1) {
    const payload = payloadOf(seq);
    const incoming = seq % 4 !== 0;
    batch.push({
      seq,
      wallTime: 1_760_000_000_000 + seq * 0.02,
      monoTime: seq * 0.02,
      clientId: 'app-1',
      connectionId: 's1',
      kind: 'frame',
      name: 'text',
      direction: incoming ? 'in' : 'out',
      opcode: 1,
      size: payload.length,
      payload,
      binary: false,
    });
  }
  return JSON.parse(JSON.stringify(batch)) as CaptureEntry[];
}

function time(work: () => number): { ms: number; cpuMs: number; rows: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const rows = work();
  return { ms: performance.now() - started, cpuMs: cpuMicrosSince(cpu) / 1000, rows };
}

const input = childInput<FilterSpeedInput>();
await answer<FilterSpeedResult>(async () => {
  const ring = createEntryRing(input.entries);
  for (let from = 0; from < input.entries; from += BATCH) ring.append(makeBatch(from, Math.min(BATCH, input.entries - from)));
  const payloads: string[] = [];
  ring.forEach((entry) => payloads.push(entry.payload ?? ''));
  const results: FilterSpeedResult['filters'] = [];
  for (const filter of input.filters) {
    const filters = { ...NO_FILTERS, text: filter.text };
    let mode = '';
    const bare = bareMatcher(filter.text);
    const productMs: number[] = [];
    const productCpuMs: number[] = [];
    const baselineMs: number[] = [];
    const baselineCpuMs: number[] = [];
    const longestSliceMs: number[] = [];
    let slices = 0;
    let productRows = 0;
    let baselineRows = 0;
    for (let repetition = 0; repetition < input.repetitions; repetition += 1) {
      const product = time(() => {
        const index = updateFilteredIndex(null, ring, { ...filters }, ring.appended());
        return index.rowCount;
      });
      const baseline = time(() => {
        const rows: number[] = [];
        for (let i = 0; i < payloads.length; i += 1) if (bare.test(payloads[i] as string)) rows.push(i);
        return rows.length;
      });
      const sliced = inSlices(filters, ring);
      longestSliceMs.push(sliced.longestMs);
      slices = sliced.slices;
      if (sliced.rows !== product.rows) throw new Error(`${filter.name}: ${sliced.rows} rows in slices, ${product.rows} in one go`);
      productMs.push(product.ms);
      productCpuMs.push(product.cpuMs);
      baselineMs.push(baseline.ms);
      baselineCpuMs.push(baseline.cpuMs);
      productRows = product.rows;
      baselineRows = baseline.rows;
      mode = bare.mode;
    }
    results.push({ name: filter.name, text: filter.text, mode, productMs, productCpuMs, baselineMs, baselineCpuMs, longestSliceMs, slices, productRows, baselineRows });
  }
  const heapMiB = process.memoryUsage().heapUsed / 1024 ** 2;
  if (!input.profile) return { filters: results, heapMiB };
  const stopProfile = await startInProcessProfile(process.cwd());
  for (const filter of input.filters) updateFilteredIndex(null, ring, { ...NO_FILTERS, text: filter.text }, ring.appended());
  return { filters: results, heapMiB, hotspots: await stopProfile(12) };
});

/** The index built as the frame log builds it: one call per task, each with a FILTER_SLICE_MS deadline. */
function inSlices(filters: typeof NO_FILTERS, ring: ReturnType<typeof createEntryRing>): { longestMs: number; slices: number; rows: number } {
  let index: FilteredIndex | null = null;
  let longestMs = 0;
  let slices = 0;
  const own = { ...filters };
  do {
    const started = performance.now();
    index = updateFilteredIndex(index, ring, own, ring.appended(), started + FILTER_SLICE_MS);
    longestMs = Math.max(longestMs, performance.now() - started);
    slices += 1;
  } while (!index.complete);
  return { longestMs, slices, rows: index.rowCount };
}

/** The same rule as the product's matcher (regex if it compiles, else literal), applied to a bare string. */
function bareMatcher(text: string): { mode: string; test(candidate: string): boolean } {
  try {
    const pattern = new RegExp(text, 'i');
    return { mode: 'regex', test: (candidate) => pattern.test(candidate) };
  } catch {
    const needle = text.toLowerCase();
    return { mode: 'literal', test: (candidate) => candidate.toLowerCase().includes(needle) };
  }
}
