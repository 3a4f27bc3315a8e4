// The whole-session filter over a session of binary frames (an MQTT/protobuf app's flood), in a child of
// its own: a 1,000,000-frame session is written with the product's session store into a temp folder, then
// the panel's text filter runs over it in the engine (session-filter.ts), timed with its CPU and the
// longest event-loop delay meanwhile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CaptureEntry } from '../../shared/capture';
import { openSessionStore } from '../../main/core/session-store/session-store';
import { answer, childInput } from './child-io';

export interface BinaryFilterInput {
  count: number;
  /** Filter texts, each timed once over the same session. */
  texts: string[];
}

export interface BinaryFilterRun {
  text: string;
  ms: number;
  cpuMs: number;
  loopMaxMs: number;
  matches: number;
}

export interface BinaryFilterResult {
  bytes: number;
  runs: BinaryFilterRun[];
}

/** ~100 B like a small protobuf message: a few field bytes, a topic with the frame's number, a binary tail. */
function frame(seq: number): CaptureEntry {
  const tail = Buffer.alloc(48);
  for (let at = 0; at < tail.length; at += 4) tail.writeUInt32LE((seq * 2_654_435_761 + at * 97) >>> 0, at);
  const bytes = Buffer.concat([Buffer.from([0x0a, 0x2e, 0x08, seq & 0x7f, 0x12]), Buffer.from(`sensors/room-${seq % 64}/t ${seq}:`), tail]);
  return { seq, wallTime: 1_765_000_000_000 + seq, monoTime: seq, clientId: 'app-1', connectionId: 'mqtt-1', kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: bytes.length, binary: true, payload: bytes.toString('base64') };
}

const WRITE_SLICE = 10_000;

async function run(input: BinaryFilterInput): Promise<BinaryFilterResult> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-bench-binfilter-'));
  try {
    const store = await openSessionStore({ dir });
    const session = store.startSession();
    for (let seq = 0; seq < input.count; seq += 1) {
      session.append(frame(seq));
      // Lets the writer drain between slices, as a flood's socket reads would.
      if (seq % WRITE_SLICE === WRITE_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    const info = await session.close();
    const runs: BinaryFilterRun[] = [];
    for (const text of input.texts) {
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const found = await store.filter(info.id, text);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      loop.disable();
      runs.push({ text, ms, cpuMs: (used.user + used.system) / 1000, loopMaxMs: loop.max / 1e6, matches: found.seqs.length });
    }
    await store.close();
    return { bytes: info.bytes, runs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void answer(() => run(childInput<BinaryFilterInput>()));
