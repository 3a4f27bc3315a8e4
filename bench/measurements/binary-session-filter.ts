// 13. The whole-session text filter over a session of binary frames (an MQTT/protobuf app's flood): the
// panel's filter also searches a binary frame's decoded UTF-8 text, so this is the filter's other path
// (docs/session-storage.md, "Binary frames are screened too").
import type { BinaryFilterInput, BinaryFilterResult, BinaryFilterRun } from '../children/binary-session-filter';
import { runChildScript } from '../harness/child-script';
import type { BenchContext, Measurement, MeasurementOutput, ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';

const TARGET_FILTER_MS = 1000;
const TARGET_TASK_MS = 50;
/** A number one frame in ten thousand holds in its decoded text, and a word none holds. */
const TEXTS = ['\\d*0000:', 'hello'];

export const binarySessionFilter: Measurement = {
  name: 'binary-session-filter',
  title: 'Whole-session filter over binary frames',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 100_000 : 1_000_000;
    const results: BinaryFilterResult[] = [];
    for (let run = 1; run <= context.runs; run += 1) {
      results.push(await runChildScript<BinaryFilterResult>(context.root, 'binary-session-filter.ts', { count, texts: TEXTS } satisfies BinaryFilterInput, { timeoutMs: 300_000 }));
      context.log(`binary session filter run ${run}: ${(results[results.length - 1]?.runs ?? []).map((one) => `${one.text} ${Math.round(one.ms)} ms`).join(', ')}`);
    }
    const n = count.toLocaleString('en-US');
    const of = (index: number): BinaryFilterRun[] => results.map((result) => result.runs[index] as BinaryFilterRun);
    const rows: ResultRow[] = TEXTS.flatMap((text, index): ResultRow[] => {
      const ms = summarize(of(index).map((one) => one.ms));
      const loop = summarize(of(index).map((one) => one.loopMaxMs));
      return [
        { metric: `text filter \`${text}\` over a ${n}-frame binary session in the engine (${of(index)[0]?.matches ?? 0} matches)`, unit: 'ms', product: ms, target: `≤ ${TARGET_FILTER_MS} ms`, met: ms.median <= TARGET_FILTER_MS },
        { metric: `engine CPU of that filter (\`${text}\`)`, unit: 'ms', product: summarize(of(index).map((one) => one.cpuMs)) },
        { metric: `longest event-loop delay while it runs (\`${text}\`)`, unit: 'ms', product: loop, target: `≤ ${TARGET_TASK_MS} ms`, met: loop.median <= TARGET_TASK_MS },
      ];
    });
    rows.push({ metric: 'binary session on disk', unit: 'MB', product: summarize(results.map((result) => result.bytes / 1e6)) });
    return {
      rows,
      notes: [
        'A child writes a session of binary frames (~100 B each: a few field bytes, a topic with the frame number, a 48-byte binary tail, base64 as captured) with the product session store into a temp folder, then runs store.filter() for each text in turn over the same file, with process CPU and monitorEventLoopDelay (1 ms resolution) around each.',
      ],
    };
  },
};
