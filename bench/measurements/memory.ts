// 4. Memory: engine heap and RSS per held entry after capturing 1,000,000 frames of 100 B with the
// default ring, vs the payload strings alone held by a bare ws client.
import type { LabServerInfo } from '../children/lab-server';
import type { EntryShapeInput, EntryShapeResult } from '../children/entry-shape';
import type { MemoryInput, MemoryResult } from '../children/memory-footprint';
import { runChildScript, startChildService } from '../harness/child-script';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const FRAME_BYTES = 100;
const TARGET_BEYOND_PAYLOAD = 300;

/** What the diagnosis row says about the entry's own layout. */
function diagnosisNote(shapes: EntryShapeResult[]): string {
  const append = summarize(shapes.map((shape) => shape.appendBytesPerEntry)).median;
  const literal = summarize(shapes.map((shape) => shape.literalBytesPerEntry)).median;
  const payload = summarize(shapes.map((shape) => shape.payloadBytesPerEntry)).median;
  const verdict =
    append - literal > 50
      ? `append() costs ${Math.round(append - literal)} B more per entry than a literal: the entry it stores has a larger, unshared layout (in this code base that came from adding the stamps after an object spread; stamping in place fixed it).`
      : 'append() stores an entry about as small as a literal, so what remains is the fields themselves.';
  return `Diagnosis row: the real createCaptureLog().append(), called as connection.ts logs a frame (\`append({ clientId, connectionId, ...entry })\`), vs the same 12 fields written as one object literal; the payload string alone is ${Math.round(payload)} B. ${verdict}`;
}

export const memory: Measurement = {
  name: 'memory',
  title: 'Memory',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 300_000 : 1_000_000;
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const engine: MemoryResult[] = [];
    const bare: MemoryResult[] = [];
    const shapes: EntryShapeResult[] = [];
    try {
      const url = floodUrl(lab.info.floodUrl, count, FRAME_BYTES);
      const options = { nodeFlags: ['--expose-gc'], timeoutMs: 180_000 };
      for (let run = 1; run <= context.runs; run += 1) {
        bare.push(await runChildScript<MemoryResult>(context.root, 'memory-footprint.ts', { side: 'bare', url, count } satisfies MemoryInput, options));
        engine.push(await runChildScript<MemoryResult>(context.root, 'memory-footprint.ts', { side: 'engine', url, count } satisfies MemoryInput, options));
        shapes.push(await runChildScript<EntryShapeResult>(context.root, 'entry-shape.ts', { entries: 200_000 } satisfies EntryShapeInput, options));
        context.log(`memory run ${run}: engine ${Math.round(engine[run - 1]?.heapBytesPerEntry ?? 0)} B/entry heap, bare payload ${Math.round(bare[run - 1]?.heapBytesPerEntry ?? 0)} B`);
      }
    } finally {
      await lab.stop();
    }
    const beyond = engine.map((result, i) => result.heapBytesPerEntry - (bare[i] as MemoryResult).heapBytesPerEntry);
    const beyondSummary = summarize(beyond);
    const held = engine[0]?.held ?? 0;
    return {
      rows: [
        {
          metric: `heap per held entry (${held.toLocaleString('en-US')} held of ${count.toLocaleString('en-US')})`,
          unit: 'B',
          product: summarize(engine.map((result) => result.heapBytesPerEntry)),
          baseline: { label: 'payload string alone in a ring array', summary: summarize(bare.map((result) => result.heapBytesPerEntry)) },
          ratio: summarize(engine.map((result, i) => result.heapBytesPerEntry / (bare[i] as MemoryResult).heapBytesPerEntry)),
        },
        {
          metric: 'heap per held entry beyond the payload (product − baseline)',
          unit: 'B',
          product: beyondSummary,
          target: `≤ ${TARGET_BEYOND_PAYLOAD} B`,
          met: beyondSummary.median <= TARGET_BEYOND_PAYLOAD,
        },
        {
          metric: 'RSS growth per held entry',
          unit: 'B',
          product: summarize(engine.map((result) => result.rssBytesPerEntry)),
          baseline: { label: 'payload string alone', summary: summarize(bare.map((result) => result.rssBytesPerEntry)) },
          ratio: summarize(engine.map((result, i) => result.rssBytesPerEntry / (bare[i] as MemoryResult).rssBytesPerEntry)),
        },
        {
          metric: 'process heap used after the flood',
          unit: 'MiB',
          product: summarize(engine.map((result) => result.heapUsedMiB)),
          baseline: { label: 'heap used, bare', summary: summarize(bare.map((result) => result.heapUsedMiB)) },
        },
        {
          metric: 'process RSS after the flood',
          unit: 'MiB',
          product: summarize(engine.map((result) => result.rssMiB)),
          baseline: { label: 'RSS, bare', summary: summarize(bare.map((result) => result.rssMiB)) },
        },
        {
          metric: 'diagnosis: capture-log append() alone, heap per entry (200,000 text frames, no socket)',
          unit: 'B',
          product: summarize(shapes.map((shape) => shape.appendBytesPerEntry)),
          baseline: { label: 'same 12 fields as one object literal', summary: summarize(shapes.map((shape) => shape.literalBytesPerEntry)) },
          ratio: summarize(shapes.map((shape) => shape.appendBytesPerEntry / shape.literalBytesPerEntry)),
        },
      ],
      notes: [
        `Product: a fresh child (node --expose-gc) creates createEngine() with the default ring (${held.toLocaleString('en-US')} entries) and a mini-app client, receives ${count.toLocaleString('en-US')} text frames of ${FRAME_BYTES} B from the lab's /flood (server in its own child) and waits for the close; no panel is subscribed. Heap and RSS are read after three gc() calls before creating the engine and after the flood, and divided by the entries held.`,
        'Baseline: the same flood received by a bare ws client that keeps the most recent 200,000 payloads as strings in a ring array: the cost of the payload itself (a 100-character one-byte string is about 116–128 B of V8 heap plus its slot).',
        'RSS includes memory V8 has not returned to the system, so it is noisier than the heap figure.',
        diagnosisNote(shapes),
      ],
    };
  },
};
