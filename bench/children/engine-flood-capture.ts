// Product side of the capture measurement: the engine opens the flood for a mini-app client, logs every
// frame to its capture, and a panel session streams the capture in batches that are acked as they
// arrive (the browser host's path minus the bridge socket). With `serialize`, each panel message is also
// turned into JSON as the browser host's bridge does before sending it. With `sessionsDir`, the capture is
// also recorded into a saved session there, which is exported and checked after the flood.
import { existsSync } from 'node:fs';
import type { PanelMessage } from '../../shared/panel-wire';
import { createEngine } from '../../main/core/engine';
import { createPanelSession } from '../../main/core/panel-session';
import type { Engine } from '../../main/core/ports';
import { findOutDir, outPaths } from '../../main/host-common/out-layout';
import { recordCapture } from '../../main/core/session-store/capture-recorder';
import { openSessionStore } from '../../main/core/session-store/session-store';
import type { FloodClientInput, FloodRunResult } from './bare-flood-client';
import type { ProfileHotspot } from '../harness/cpu-profile';
import { answer, childInput, cpuMicrosSince, threadCpuMicros } from './child-io';
import { startAllocationProfile, startInProcessProfile, type AllocationSite } from './in-process-profile';
import { checkSession, type SessionCheck } from './session-check';
import { sampleThreadTimes, threadTimesSince, type ThreadTimes } from './thread-times';

export interface EngineFloodInput extends FloodClientInput {
  serialize: boolean;
  /** Profile the flood window (run with --enable-source-maps) and answer its hotspots… */
  profile?: boolean;
  /** …or its allocation sites (bytes allocated per flood frame, garbage included). */
  allocations?: boolean;
  /** Record the capture into a session in this folder (the session writer on), then export and check it. */
  sessionsDir?: string;
  /** An enabled breakpoint rule that matches no frame of the flood (docs/debugging.md#frame-breakpoints). */
  idleBreakpoint?: boolean;
}

/**
 * The flood run: `frames`/`ms` up to the batch that carried the last flood frame, once the stream has
 * caught up with everything the log holds; plus what the stream delivered on the way.
 */
export interface EngineFloodResult extends FloodRunResult {
  /** Flood frames that reached the app client as message events. */
  appMessages: number;
  /** Flood frames/s that reached the app client (open → last message event), before any streaming wait. */
  appFramesPerSecond: number;
  /** Flood frames that reached the subscriber in batches. */
  streamedFrames: number;
  batches: number;
  /** Entries the ring evicted before the stream sent them (0 when the consumer keeps up). */
  skipped: number;
  serializedBytes: number;
  hotspots?: ProfileHotspot[];
  allocation?: { bytesPerFrame: number; sites: AllocationSite[] };
  session?: SessionCheck;
  /** CPU per flood frame of the engine's own thread alone (the session writer thread excluded); NaN off Linux. */
  engineThreadCpuMicrosPerFrame: number;
}

const input = childInput<EngineFloodInput>();
const stopProfile = input.profile ? await startInProcessProfile(process.cwd()) : undefined;
const stopAllocations = input.allocations ? await startAllocationProfile(process.cwd()) : undefined;
await answer<EngineFloodResult>(async () => {
  const engine = createEngine();
  if (input.idleBreakpoint) engine.debug.command({ op: 'set-breakpoints', rules: [{ id: 'idle', enabled: true, direction: 'both', connection: '', match: { kind: 'text', text: 'no flood frame holds this text' } }] });
  // The session writer thread as the product runs it: the built one (`npm run build` precedes the bench), else the source through tsx.
  const builtThread = outPaths(findOutDir(process.cwd())).sessionWriterThread;
  const writerThread = existsSync(builtThread) ? { writerThread: { file: builtThread } } : {};
  const store = input.sessionsDir === undefined ? undefined : await openSessionStore({ dir: input.sessionsDir, ...writerThread });
  const recorder = store && recordCapture(engine.capture, store);
  const result = await flood(engine);
  const hotspots = stopProfile && (await stopProfile(16));
  if (store && recorder) return { ...result, ...(hotspots ? { hotspots } : {}), session: await checkSession(recorder, store) };
  if (hotspots) return { ...result, hotspots };
  if (stopAllocations) {
    const { totalBytes, sites } = await stopAllocations(10);
    return { ...result, allocation: { bytesPerFrame: totalBytes / result.appMessages, sites: sites.map((site) => ({ ...site, bytes: site.bytes / result.appMessages })) } };
  }
  return result;
});

function flood(engine: Engine): Promise<EngineFloodResult> {
  return new Promise((resolve, reject) => {
    let started = 0;
    let cpu = process.cpuUsage();
    let threadCpu = threadCpuMicros();
    let threads = sampleThreadTimes();
    let appThreadTimes: ThreadTimes | undefined;
    let appMessages = 0;
    let appDoneAt = 0;
    let closed = false;
    let streamedFrames = 0;
    let lastFrameAt = 0;
    let lastStreamedSeq = -1;
    let batches = 0;
    let skipped = 0;
    let serializedBytes = 0;
    let done = false;
    const watchdog = setTimeout(() => reject(new Error(`stalled: ${appMessages} app messages, ${streamedFrames} streamed, ${skipped} skipped`)), 110_000);

    function finish(): void {
      if (done || !closed || lastStreamedSeq < engine.capture.nextSeq() - 1) return;
      done = true;
      clearTimeout(watchdog);
      const ms = lastFrameAt - started;
      const cpuMicrosPerFrame = cpuMicrosSince(cpu) / appMessages;
      const threadTimes = appThreadTimes ?? threadTimesSince(threads);
      const engineThreadCpuMicrosPerFrame = (threadCpuMicros() - threadCpu) / appMessages;
      resolve({
        frames: appMessages,
        ms,
        framesPerSecond: appMessages / (ms / 1000),
        cpuMicrosPerFrame,
        threadTimes,
        engineThreadCpuMicrosPerFrame,
        appMessages,
        appFramesPerSecond: appMessages / ((appDoneAt - started) / 1000),
        streamedFrames,
        batches,
        skipped,
        serializedBytes,
      });
    }

    function onPanelMessage(message: PanelMessage): void {
      if (input.serialize) serializedBytes += JSON.stringify(message).length;
      if (message.kind !== 'batch') return;
      batches += 1;
      skipped += message.skipped;
      let frames = 0;
      for (const entry of message.entries) if (entry.kind === 'frame' && entry.direction === 'in' && entry.opcode === 1) frames += 1;
      if (frames > 0 || message.skipped > 0) lastFrameAt = performance.now();
      streamedFrames += frames;
      const last = message.entries[message.entries.length - 1];
      if (last) {
        lastStreamedSeq = last.seq;
        setImmediate(() => panel.receive({ kind: 'ack', seq: last.seq }));
      }
      finish();
    }

    const panel = createPanelSession(engine, onPanelMessage);
    panel.receive({ kind: 'subscribe' });
    const app = engine.attachClient({
      origin: 'http://127.0.0.1',
      send(message) {
        if (message.kind !== 'event') return;
        const event = message.payload.event;
        if (event === 'open') {
          started = performance.now();
          cpu = process.cpuUsage();
          threadCpu = threadCpuMicros();
          threads = sampleThreadTimes();
        } else if (event === 'message') {
          appMessages += 1;
          if (appMessages === input.count) {
            appDoneAt = performance.now();
            appThreadTimes = threadTimesSince(threads);
          }
        } else if (event === 'error' && !done) {
          reject(new Error(`socket error ${message.payload.error}: ${message.payload.errorMessage}`));
        } else if (event === 'close') {
          closed = true;
          if (appMessages < input.count) reject(new Error(`flood closed after ${appMessages} of ${input.count} frames`));
          finish();
        }
      },
    });
    app.receive({ op: 'connect', callId: 1, target: null, options: { url: input.url } });
  });
}
