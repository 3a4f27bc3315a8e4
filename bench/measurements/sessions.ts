// 7. Saved sessions: the receiver-bound flood (lab /flood, 100 B frames) captured with the session writer
// on vs a bare `ws` client counting the same flood; then the session's HAR, streamed from disk, must hold
// every receive frame in order, and the engine process's RSS at the end stays within the target.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FloodClientInput, FloodRunResult } from '../children/bare-flood-client';
import type { EngineFloodInput, EngineFloodResult } from '../children/engine-flood-capture';
import type { LabServerInfo } from '../children/lab-server';
import type { SessionCheck } from '../children/session-check';
import type { ThreadTimes } from '../children/thread-times';
import { runChildScript, startChildService } from '../harness/child-script';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const FRAME_BYTES = 100;
const TARGET_RATIO = 0.9;
const TARGET_RSS_MB = 600;
const TARGET_FILTER_MS = 1000;
const TARGET_TASK_MS = 50;

/** Share of a receiving thread's window spent asleep, %. */
function asleepShare(times: ThreadTimes): number {
  return (100 * times.asleep) / (times.running + times.waiting + times.asleep);
}

export const sessions: Measurement = {
  name: 'sessions',
  title: 'Saved sessions',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 100_000 : 1_000_000;
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const bare: FloodRunResult[] = [];
    const withoutSessions: EngineFloodResult[] = [];
    const engine: (EngineFloodResult & { session: SessionCheck })[] = [];
    try {
      const url = floodUrl(lab.info.floodUrl, count, FRAME_BYTES);
      for (let run = 1; run <= context.runs; run += 1) {
        bare.push(await runChildScript<FloodRunResult>(context.root, 'bare-flood-client.ts', { url, count } satisfies FloodClientInput, { timeoutMs: 300_000 }));
        withoutSessions.push(await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false } satisfies EngineFloodInput, { timeoutMs: 300_000 }));
        const sessionsDir = await mkdtemp(join(tmpdir(), 'msd-bench-sessions-'));
        try {
          const result = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false, sessionsDir } satisfies EngineFloodInput, { timeoutMs: 300_000 });
          if (!result.session) throw new Error('the engine child did not check its session');
          engine.push({ ...result, session: result.session });
        } finally {
          await rm(sessionsDir, { recursive: true, force: true });
        }
        const last = engine[engine.length - 1];
        context.log(`sessions run ${run}: bare ${Math.round(bare[bare.length - 1]?.framesPerSecond ?? 0)}/s, engine + session ${Math.round(last?.appFramesPerSecond ?? 0)}/s; HAR ${last?.session.receiveFrames} receive frames, in order ${last?.session.inOrder}, RSS ${Math.round(last?.session.rssMB ?? 0)} MB`);
      }
    } finally {
      await lab.stop();
    }
    const ratio = summarize(engine.map((run, i) => run.appFramesPerSecond / (bare[i] as FloodRunResult).framesPerSecond));
    const checks = engine.map((run) => run.session);
    const allInOrder = checks.every((check) => check.inOrder && check.receiveFrames === count);
    const rss = summarize(checks.map((check) => check.rssMB));
    const n = count.toLocaleString('en-US');
    return {
      rows: [
        {
          metric: `frames/s recorded with the session writer on (logged, saved, delivered to the app), ${n} × ${FRAME_BYTES} B, receiver-bound wire`,
          unit: 'frames/s',
          product: summarize(engine.map((run) => run.appFramesPerSecond)),
          baseline: { label: 'bare ws client counting', summary: summarize(bare.map((run) => run.framesPerSecond)) },
          ratio,
          target: `≥ ${TARGET_RATIO}× bare ws`,
          met: ratio.median >= TARGET_RATIO,
        },
        {
          metric: 'the session writer\'s own cost: frames/s recorded with it on vs the same engine without it',
          unit: 'frames/s',
          product: summarize(engine.map((run) => run.appFramesPerSecond)),
          baseline: { label: 'engine without the session writer', summary: summarize(withoutSessions.map((run) => run.appFramesPerSecond)) },
          ratio: summarize(engine.map((run, i) => run.appFramesPerSecond / (withoutSessions[i] as EngineFloodResult).appFramesPerSecond)),
        },
        {
          metric: 'receiver CPU per frame (user + system, open → end, every thread of the process) with the session writer on',
          unit: 'µs',
          product: summarize(engine.map((run) => run.cpuMicrosPerFrame)),
          baseline: { label: 'engine without the session writer', summary: summarize(withoutSessions.map((run) => run.cpuMicrosPerFrame)) },
          ratio: summarize(engine.map((run, i) => run.cpuMicrosPerFrame / (withoutSessions[i] as EngineFloodResult).cpuMicrosPerFrame)),
        },
        {
          metric: "engine thread's CPU per frame with the session writer on (the thread that receives, logs, saves and delivers; the writer thread excluded, /proc/thread-self)",
          unit: 'µs',
          product: summarize(engine.map((run) => run.engineThreadCpuMicrosPerFrame)),
          baseline: { label: 'engine without the session writer', summary: summarize(withoutSessions.map((run) => run.engineThreadCpuMicrosPerFrame)) },
          ratio: summarize(engine.map((run, i) => run.engineThreadCpuMicrosPerFrame / (withoutSessions[i] as EngineFloodResult).engineThreadCpuMicrosPerFrame)),
        },
        {
          metric: "engine thread's CPU per frame with the session writer on vs a bare ws client's process CPU per frame",
          unit: 'µs',
          product: summarize(engine.map((run) => run.engineThreadCpuMicrosPerFrame)),
          baseline: { label: 'bare ws client counting', summary: summarize(bare.map((run) => run.cpuMicrosPerFrame)) },
          ratio: summarize(engine.map((run, i) => run.engineThreadCpuMicrosPerFrame / (bare[i] as FloodRunResult).cpuMicrosPerFrame)),
        },
        {
          metric: "engine thread asleep with the session writer on (waiting for the writer thread, or for data), share of the recorded window (/proc schedstat)",
          unit: '%',
          product: summarize(engine.map((run) => asleepShare(run.threadTimes))),
          baseline: { label: 'engine without the session writer', summary: summarize(withoutSessions.map((run) => asleepShare(run.threadTimes))) },
        },
        {
          metric: `receive frames in the session's streamed HAR, in flood order (all ${n} in every run: ${allInOrder ? 'yes' : 'NO'})`,
          unit: 'frames',
          product: summarize(checks.map((check) => (check.inOrder ? check.receiveFrames : 0))),
          target: `${n} in order`,
          met: allInOrder,
        },
        { metric: 'engine process RSS at the end (after the flood and the HAR export)', unit: 'MB', product: rss, target: `≤ ${TARGET_RSS_MB} MB`, met: rss.max <= TARGET_RSS_MB },
        { metric: 'engine process peak RSS', unit: 'MB', product: summarize(checks.map((check) => check.maxRssMB)) },
        { metric: 'session on disk', unit: 'MB', product: summarize(checks.map((check) => check.bytes / 1e6)) },
        { metric: 'streamed HAR export of the session (read from disk, written to a checking sink)', unit: 'ms', product: summarize(checks.map((check) => check.exportMs)) },
        {
          metric: `text filter over the whole ${n}-entry session in the engine (panel's text search, read from disk; ${checks[0]?.filterMatches ?? 0} matches)`,
          unit: 'ms',
          product: summarize(checks.map((check) => check.filterMs)),
          target: `≤ ${TARGET_FILTER_MS} ms (moonshot 200 ms)`,
          met: summarize(checks.map((check) => check.filterMs)).median <= TARGET_FILTER_MS,
        },
        {
          metric: 'longest event-loop delay of the engine while that filter runs (sockets and panels are served between chunks)',
          unit: 'ms',
          product: summarize(checks.map((check) => check.filterLoopMaxMs)),
          target: `≤ ${TARGET_TASK_MS} ms`,
          met: summarize(checks.map((check) => check.filterLoopMaxMs)).median <= TARGET_TASK_MS,
        },
      ],
      notes: [
        'Product: createEngine() (default ring of 200,000) with a panel session acking every batch, as in the capture measurement, plus the capture recorder appending every entry to a live session in a fresh temp folder (main/core/session-store); after the flood the session is closed and exported with streamHar into a sink that checks, line by line, that the receive items are the flood frames 0…n-1 in order.',
        'Baselines, each in its own child and the same run: a bare ws client counting the same lab /flood from open to the last frame; and the same engine child without the session writer, which isolates the writer\'s cost.',
        'RSS is the engine child\'s after the export (process.memoryUsage().rss); peak is process.resourceUsage().maxRSS.',
      ],
    };
  },
};
